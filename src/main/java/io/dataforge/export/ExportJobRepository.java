package io.dataforge.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.dataforge.export.pack.Compression;
import io.dataforge.export.render.ExportFormat;
import io.dataforge.platform.database.AsyncCommit;
import io.dataforge.platform.web.PageQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * {@code export_jobs}. State changes name the state they leave, so a late or repeated
 * message changes nothing.
 */
@Repository
class ExportJobRepository {

    private static final RowMapper<ExportJob> JOB = ExportJobRepository::job;

    private final JdbcTemplate jdbc;

    ExportJobRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID tenant, String principal, String definition, boolean piiShown, String dataset,
            ExportFormat format, Compression compression, String requestHash, String queue) {
        jdbc.update("INSERT INTO export_jobs (id, tenant_id, principal, query_definition, pii_shown, dataset, format,"
                + " compression, request_hash, export_queue, state) VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, 'Pending')",
                id, tenant, principal, definition, piiShown, dataset, format.name(), compression.name(), requestHash,
                queue);
    }

    /**
     * The same order from the same caller within {@code window}, unless it failed or was
     * canceled.
     */
    Optional<UUID> recent(UUID tenant, String requestHash, Duration window) {
        return jdbc
            .queryForList("SELECT id FROM export_jobs WHERE tenant_id = ? AND request_hash = ?"
                    + " AND created_at > now() - make_interval(secs => ?) AND state NOT IN ('Failed', 'Canceled')"
                    + " ORDER BY created_at DESC LIMIT 1", UUID.class, tenant, requestHash, window.toSeconds())
            .stream()
            .findFirst();
    }

    Optional<ExportJob> find(UUID id) {
        return jdbc.query("SELECT * FROM export_jobs WHERE id = ?", JOB, id).stream().findFirst();
    }

    /** The tenant's jobs in the page's order, optionally in one state. */
    List<ExportJob> list(UUID tenant, ExportState state, PageQuery page) {
        return jdbc.query(
                "SELECT * FROM export_jobs WHERE tenant_id = ? AND (?::text IS NULL OR state = ?)" + " ORDER BY "
                        + page.orderBy() + ", id LIMIT ? OFFSET ?",
                JOB, tenant, name(state), name(state), page.size(), page.offset());
    }

    long count(UUID tenant, ExportState state) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM export_jobs WHERE tenant_id = ? AND (?::text IS NULL OR state = ?)", Long.class,
                tenant, name(state), name(state));
    }

    /** Before a job is sent (again): a worker that finds no slot for it parks it anew. */
    void unpark(UUID id) {
        jdbc.update("UPDATE export_jobs SET parked = FALSE WHERE id = ? AND parked", id);
    }

    /**
     * Once the broker confirmed the message; not when a worker already parked the job
     * meanwhile.
     */
    void markPublished(UUID id) {
        jdbc.update("UPDATE export_jobs SET published = TRUE WHERE id = ? AND NOT parked", id);
    }

    /**
     * Jobs of {@code queue} to publish: never published, or parked while their tenant's
     * slots were full and now one is free.
     */
    List<UUID> publishable(String queue, int maxRunningPerTenant, int max) {
        return jdbc.queryForList(
                "SELECT j.id FROM export_jobs j WHERE j.export_queue = ? AND j.state = 'Pending' AND NOT j.published"
                        + " AND (SELECT count(*) FROM export_jobs r WHERE r.tenant_id = j.tenant_id AND r.state = 'Running') < ?"
                        + " ORDER BY j.created_at LIMIT ?",
                UUID.class, queue, maxRunningPerTenant, max);
    }

    /**
     * Cancels a pending job at once, or asks a running one to stop; false when it had
     * already finished.
     */
    boolean cancel(UUID id) {
        return jdbc.update("UPDATE export_jobs SET state = CASE WHEN state = 'Pending' THEN 'Canceled' ELSE state END,"
                + " finished_at = CASE WHEN state = 'Pending' THEN now() ELSE finished_at END, cancel_requested = TRUE"
                + " WHERE id = ? AND state IN ('Pending', 'Running')", id) == 1;
    }

    void estimate(UUID id, long rows) {
        jdbc.update("UPDATE export_jobs SET estimated_rows = ? WHERE id = ?", rows, id);
    }

    /** Records the rows done so far; answers whether a cancel was asked for meanwhile. */
    boolean progress(UUID id, long rows) {
        return Boolean.TRUE.equals(jdbc.queryForObject("UPDATE export_jobs SET rows_processed = ? FROM "
                + AsyncCommit.FROM_ITEM + " WHERE id = ? RETURNING cancel_requested", Boolean.class, rows, id));
    }

    /** Files whose retention ended: their keys. */
    List<ExportJob> expiring(Instant now, int max) {
        return jdbc.query("SELECT * FROM export_jobs WHERE NOT expired AND object_key IS NOT NULL AND expires_at <= ?"
                + " ORDER BY expires_at LIMIT ?", JOB, Timestamp.from(now), max);
    }

    void markExpired(UUID id) {
        jdbc.update("UPDATE export_jobs SET expired = TRUE WHERE id = ?", id);
    }

    private static String name(ExportState state) {
        return state == null ? null : state.name();
    }

    private static ExportJob job(ResultSet rs, int row) throws SQLException {
        return new ExportJob(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getString("principal"), rs.getString("query_definition"), rs.getBoolean("pii_shown"),
                rs.getString("dataset"), ExportFormat.valueOf(rs.getString("format")),
                Compression.valueOf(rs.getString("compression")), ExportState.valueOf(rs.getString("state")),
                rs.getBoolean("cancel_requested"), rs.getInt("attempt"), (Long) rs.getObject("estimated_rows"),
                rs.getLong("rows_processed"), rs.getString("object_key"), (Long) rs.getObject("size_bytes"),
                rs.getString("error"), instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                instant(rs, "expires_at"), rs.getBoolean("expired"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

}
