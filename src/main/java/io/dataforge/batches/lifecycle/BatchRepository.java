package io.dataforge.batches.lifecycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.dataforge.batches.BatchProperties;
import io.dataforge.batches.BatchStatus;
import io.dataforge.batches.Batches;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class BatchRepository {

    private static final String COLUMNS = "id, account_id, site_id, status, s3_prefix, uploaded_files_count, total_size,"
            + " has_errors, started_at, completed_at";

    private final JdbcTemplate jdbc;

    private final BatchProperties props;

    BatchRepository(JdbcTemplate jdbc, BatchProperties props) {
        this.jdbc = jdbc;
        this.props = props;
    }

    /**
     * Marks open batches past the timeout NOT_COMPLETED (one site's, or all when
     * {@code siteId} is null).
     */
    List<Batch> expire(UUID siteId) {
        return jdbc.query("UPDATE batches SET status = 'NOT_COMPLETED', completed_at = now()"
                + " WHERE (?::uuid IS NULL OR site_id = ?) AND status = 'IN_PROGRESS' AND started_at < now() - ?::interval"
                + " RETURNING " + COLUMNS, this::map, siteId, siteId, interval());
    }

    long countOpen(UUID accountId) {
        return jdbc.queryForObject("SELECT count(*) FROM batches WHERE account_id = ? AND status = 'IN_PROGRESS'",
                Long.class, accountId);
    }

    /** Throws DuplicateKeyException when the site already has an open batch. */
    void insert(UUID id, UUID accountId, UUID siteId, String s3Prefix) {
        jdbc.update(
                "INSERT INTO batches (id, account_id, site_id, status, s3_prefix) VALUES (?, ?, ?, 'IN_PROGRESS', ?)",
                id, accountId, siteId, s3Prefix);
    }

    public Optional<Batch> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM batches WHERE id = ? AND deleted_at IS NULL", this::map, id)
            .stream()
            .findFirst();
    }

    /**
     * Moves an open batch to a final status; empty when it is not open (or not this
     * site's).
     */
    Optional<Batch> close(UUID id, UUID siteId, BatchStatus status, String reason) {
        return jdbc
            .query("UPDATE batches SET status = ?, completed_at = now(), failure_reason = ?,"
                    + " has_errors = has_errors OR ? WHERE id = ? AND site_id = ? AND status = 'IN_PROGRESS'"
                    + " AND deleted_at IS NULL RETURNING " + COLUMNS, this::map, status.name(), reason,
                    status == BatchStatus.FAILED, id, siteId)
            .stream()
            .findFirst();
    }

    /**
     * Reserves a file name in the batch; false when another upload holds or has stored
     * it.
     */
    boolean reserveFile(UUID fileId, UUID batchId, String fileName, String s3Key) {
        return jdbc.update("""
                INSERT INTO batch_files (id, batch_id, file_name, s3_key, state) VALUES (?, ?, ?, ?, 'UPLOADING')
                ON CONFLICT (batch_id, file_name) DO UPDATE SET id = EXCLUDED.id, reserved_at = now()
                WHERE batch_files.state = 'UPLOADING' AND batch_files.reserved_at < now() - ?::interval""", fileId,
                batchId, fileName, s3Key, props.staleReservation().toMillis() + " milliseconds") == 1;
    }

    int fileCount(UUID batchId) {
        return jdbc.queryForObject("SELECT count(*) FROM batch_files WHERE batch_id = ?", Integer.class, batchId);
    }

    /** Records a stored file and grows the batch's counters in one transaction. */
    @Transactional
    OffsetDateTime storeFile(UUID fileId, UUID batchId, long size, String contentType, String md5, String sha256) {
        OffsetDateTime at = jdbc.queryForObject("""
                UPDATE batch_files SET state = 'UPLOADED', file_size = ?, content_type = ?, md5 = ?, sha256 = ?,
                       uploaded_at = now() WHERE id = ? RETURNING uploaded_at""", OffsetDateTime.class, size,
                contentType, md5, sha256, fileId);
        jdbc.update("UPDATE batches SET uploaded_files_count = uploaded_files_count + 1, total_size = total_size + ?"
                + " WHERE id = ?", size, batchId);
        return at;
    }

    public void markHasErrors(UUID batchId) {
        jdbc.update("UPDATE batches SET has_errors = TRUE WHERE id = ?", batchId);
    }

    public List<Batches.UploadedFile> uploadedFiles(UUID batchId) {
        return jdbc.query(
                "SELECT id, file_name, s3_key, file_size FROM batch_files WHERE batch_id = ?"
                        + " AND state = 'UPLOADED' ORDER BY file_name",
                (rs, n) -> new Batches.UploadedFile(rs.getObject("id", UUID.class), rs.getString("file_name"),
                        rs.getString("s3_key"), rs.getLong("file_size")),
                batchId);
    }

    void releaseFile(UUID fileId) {
        jdbc.update("DELETE FROM batch_files WHERE id = ? AND state = 'UPLOADING'", fileId);
    }

    private String interval() {
        return props.timeout().toMillis() + " milliseconds";
    }

    private Batch map(ResultSet rs, int row) throws SQLException {
        return new Batch(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getObject("site_id", UUID.class), BatchStatus.valueOf(rs.getString("status")),
                rs.getString("s3_prefix"), rs.getInt("uploaded_files_count"), rs.getLong("total_size"),
                rs.getBoolean("has_errors"), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("completed_at", OffsetDateTime.class));
    }

}
