package io.dataforge.watch.progress;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.dataforge.platform.web.PageQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code watch_progress}: every step of a file is written at once, outside any long
 * transaction.
 */
@Repository
public class WatchProgressRepository {

    private static final String COLUMNS = "path, size, mtime, checksum, status, s3_keys, next_attempt_at";

    private static final String FILTER = "(?::text IS NULL OR status = ?) AND path LIKE ?";

    private final JdbcTemplate jdbc;

    WatchProgressRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<FileState> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM watch_progress", this::map);
    }

    public List<FileState> inProgress() {
        return jdbc.query("SELECT " + COLUMNS + " FROM watch_progress WHERE status = 'in_progress'", this::map);
    }

    public Optional<FileState> find(String path) {
        return jdbc.query("SELECT " + COLUMNS + " FROM watch_progress WHERE path = ?", this::map, path)
            .stream()
            .findFirst();
    }

    public long count() {
        return jdbc.queryForObject("SELECT count(*) FROM watch_progress", Long.class);
    }

    /**
     * Takes the file for this instance; false when another worker holds it. The keys of
     * an earlier version stay recorded until the new one completes, so a crash in between
     * still knows every object to clean.
     */
    public boolean claim(String path, long size, Instant mtime, String worker) {
        return jdbc.update("INSERT INTO watch_progress (path, size, mtime, status, attempts, claimed_by, started_at)"
                + " VALUES (?, ?, ?, 'in_progress', 1, ?, now())"
                + " ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime,"
                + " status = 'in_progress', claimed_by = excluded.claimed_by, started_at = now(), updated_at = now(),"
                + " attempts = CASE WHEN watch_progress.status = 'pending' THEN watch_progress.attempts + 1 ELSE 1 END,"
                + " interruptions = CASE WHEN watch_progress.status = 'pending' THEN watch_progress.interruptions ELSE 0 END,"
                + " error = NULL, error_type = NULL, next_attempt_at = NULL, finished_at = NULL"
                + " WHERE watch_progress.status <> 'in_progress'", path, size, Timestamp.from(mtime), worker) == 1;
    }

    int attempts(String path) {
        return jdbc.queryForObject("SELECT attempts FROM watch_progress WHERE path = ?", Integer.class, path);
    }

    public void recordChecksum(String path, String checksum) {
        jdbc.update("UPDATE watch_progress SET checksum = ?, updated_at = now() WHERE path = ?", checksum, path);
    }

    public void recordKey(String path, String key) {
        jdbc.update("UPDATE watch_progress SET s3_keys = array_append(s3_keys, ?), updated_at = now()"
                + " WHERE path = ? AND NOT (? = ANY (s3_keys))", key, path, key);
    }

    void complete(String path, String checksum, List<String> keys) {
        jdbc.update("UPDATE watch_progress SET status = 'completed', checksum = ?, s3_keys = ?::text[],"
                + " interruptions = 0, finished_at = now(), updated_at = now(), claimed_by = NULL WHERE path = ?",
                checksum, keys.toArray(String[]::new), path);
    }

    void fail(String path, String errorType, String error) {
        jdbc.update("UPDATE watch_progress SET status = 'failed', error_type = ?, error = ?, s3_keys = '{}',"
                + " interruptions = 0, finished_at = now(), updated_at = now(), claimed_by = NULL WHERE path = ?",
                errorType, error, path);
    }

    void retryLater(String path, String error, Instant nextAttempt) {
        jdbc.update(
                "UPDATE watch_progress SET status = 'pending', error = ?, next_attempt_at = ?,"
                        + " updated_at = now(), claimed_by = NULL WHERE path = ?",
                error, Timestamp.from(nextAttempt), path);
    }

    public void delete(String path) {
        jdbc.update("DELETE FROM watch_progress WHERE path = ?", path);
    }

    /**
     * After a crash: the file is redone from the beginning. Returns how many times the
     * process stopped on it.
     */
    public int resetToPending(String path) {
        return jdbc
            .query("UPDATE watch_progress SET status = 'pending', claimed_by = NULL, updated_at = now(),"
                    + " interruptions = interruptions + 1, error = 'the process stopped while it was in progress'"
                    + " WHERE path = ? AND status = 'in_progress' RETURNING interruptions", (rs, row) -> rs.getInt(1),
                    path)
            .stream()
            .findFirst()
            .orElse(0);
    }

    /** A row rebuilt from a completion marker in S3. */
    public void insertCompleted(FileState state) {
        jdbc.update(
                "INSERT INTO watch_progress (path, size, mtime, checksum, status, s3_keys, finished_at)"
                        + " VALUES (?, ?, ?, ?, 'completed', ?::text[], now()) ON CONFLICT (path) DO NOTHING",
                state.path(), state.size(), Timestamp.from(state.mtime()), state.checksum(),
                state.keys().toArray(String[]::new));
    }

    /**
     * A page for the admin API; {@code status} and {@code pathPrefix} are optional,
     * orderBy is whitelisted.
     */
    List<WatchedFile> page(WatchStatus status, String pathPrefix, PageQuery page) {
        return jdbc.query(
                "SELECT * FROM watch_progress WHERE " + FILTER + " ORDER BY " + page.orderBy()
                        + ", path LIMIT ? OFFSET ?",
                this::mapForAdmin, status == null ? null : status.dbValue(), status == null ? null : status.dbValue(),
                like(pathPrefix), page.size(), page.offset());
    }

    long count(WatchStatus status, String pathPrefix) {
        return jdbc.queryForObject("SELECT count(*) FROM watch_progress WHERE " + FILTER, Long.class,
                status == null ? null : status.dbValue(), status == null ? null : status.dbValue(), like(pathPrefix));
    }

    private static String like(String prefix) {
        String literal = prefix == null ? "" : prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return literal + "%";
    }

    private WatchedFile mapForAdmin(ResultSet rs, int row) throws SQLException {
        return new WatchedFile(rs.getString("path"), rs.getString("status"), rs.getLong("size"),
                rs.getObject("mtime", OffsetDateTime.class), rs.getString("checksum"),
                Arrays.asList((String[]) rs.getArray("s3_keys").getArray()), rs.getString("error_type"),
                rs.getString("error"), rs.getInt("attempts"), rs.getInt("interruptions"),
                rs.getObject("next_attempt_at", OffsetDateTime.class),
                rs.getObject("detected_at", OffsetDateTime.class), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class));
    }

    private FileState map(ResultSet rs, int row) throws SQLException {
        Timestamp next = rs.getTimestamp("next_attempt_at");
        Array keys = rs.getArray("s3_keys");
        return new FileState(rs.getString("path"), rs.getLong("size"), rs.getTimestamp("mtime").toInstant(),
                rs.getString("checksum"), WatchStatus.of(rs.getString("status")),
                List.copyOf(Arrays.asList((String[]) keys.getArray())), next == null ? null : next.toInstant());
    }

}
