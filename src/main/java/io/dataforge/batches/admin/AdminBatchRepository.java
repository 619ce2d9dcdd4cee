package io.dataforge.batches.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.dataforge.batches.BatchStatus;
import io.dataforge.platform.web.PageQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's view of batches: filtered pages, one batch with its files, deletion of the
 * metadata.
 */
@Repository
class AdminBatchRepository {

    static final Map<String, String> SORTABLE = Map.of("startedAt", "started_at", "completedAt", "completed_at",
            "totalSize", "total_size", "status", "status");

    /** Optional filters, each bound as a parameter. */
    record Filter(UUID siteId, UUID accountId, BatchStatus status, OffsetDateTime from, OffsetDateTime to) {
    }

    private final JdbcTemplate jdbc;

    AdminBatchRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<BatchView> page(Filter filter, PageQuery page) {
        List<Object> args = new ArrayList<>(args(filter));
        args.add(page.size());
        args.add(page.offset());
        // orderBy comes from PageQuery's whitelist, never from request text
        return jdbc.query(
                "SELECT * FROM batches WHERE " + WHERE + " ORDER BY " + page.orderBy() + ", id LIMIT ? OFFSET ?",
                this::map, args.toArray());
    }

    long count(Filter filter) {
        return jdbc.queryForObject("SELECT count(*) FROM batches WHERE " + WHERE, Long.class, args(filter).toArray());
    }

    List<BatchView.File> files(UUID batchId) {
        return jdbc.query(
                "SELECT file_name, s3_key, file_size, content_type, md5, sha256, uploaded_at FROM batch_files"
                        + " WHERE batch_id = ? AND state = 'UPLOADED' ORDER BY uploaded_at, file_name",
                (rs, n) -> new BatchView.File(rs.getString("file_name"), rs.getString("s3_key"),
                        rs.getLong("file_size"), rs.getString("content_type"), rs.getString("md5"),
                        rs.getString("sha256"), rs.getObject("uploaded_at", OffsetDateTime.class)),
                batchId);
    }

    Optional<BatchView> find(UUID id) {
        return jdbc.query("SELECT * FROM batches WHERE id = ? AND deleted_at IS NULL", this::map, id)
            .stream()
            .findFirst();
    }

    /**
     * Forgets the batch (its S3 objects stay); an open one is cancelled so it no longer
     * blocks its site.
     */
    @Transactional
    boolean delete(UUID id) {
        return jdbc.update("UPDATE batches SET deleted_at = now(), status = CASE WHEN status = 'IN_PROGRESS'"
                + " THEN 'CANCELLED' ELSE status END, completed_at = coalesce(completed_at, now())"
                + " WHERE id = ? AND deleted_at IS NULL", id) == 1;
    }

    private static final String WHERE = "deleted_at IS NULL AND (?::uuid IS NULL OR site_id = ?) AND (?::uuid IS NULL"
            + " OR account_id = ?) AND (?::text IS NULL OR status = ?) AND (?::timestamptz IS NULL OR started_at >= ?)"
            + " AND (?::timestamptz IS NULL OR started_at < ?)";

    private static List<Object> args(Filter f) {
        String status = f.status() == null ? null : f.status().name();
        List<Object> args = new ArrayList<>();
        for (Object value : new Object[] { f.siteId(), f.accountId(), status, f.from(), f.to() }) {
            args.add(value);
            args.add(value);
        }
        return args;
    }

    private BatchView map(ResultSet rs, int row) throws SQLException {
        return new BatchView(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getObject("site_id", UUID.class), rs.getString("status"), rs.getString("s3_prefix"),
                rs.getInt("uploaded_files_count"), rs.getLong("total_size"), rs.getBoolean("has_errors"),
                rs.getString("failure_reason"), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("completed_at", OffsetDateTime.class), null, null);
    }

}
