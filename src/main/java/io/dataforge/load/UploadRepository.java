package io.dataforge.load;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.dataforge.load.copy.LoadCounts;
import io.dataforge.platform.database.AsyncCommit;
import io.dataforge.platform.web.PageQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The {@code uploads} rows: staging, the outbox flag, and the progress written outside
 * the load transaction.
 */
@Repository
public class UploadRepository {

    static final Map<String, String> SORTABLE = Map.of("createdAt", "created_at", "status", "status", "fileName",
            "file_name", "dataset", "dataset");

    /**
     * Set with an outcome: the callback (if the upload has one) is due and not yet handed
     * to the broker.
     */
    public static final String WEBHOOK_DUE = "webhook_status = CASE WHEN callback_url IS NULL THEN NULL ELSE 'pending' END, "
            + "webhook_published = (callback_url IS NULL), webhook_attempts = 0, webhook_error = NULL, "
            + "webhook_delivered_at = NULL";

    private final JdbcTemplate jdbc;

    UploadRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(StagedUpload staged, String createdBy, String loadQueue) {
        jdbc.update("""
                INSERT INTO uploads (id, account_id, dataset, file_name, data_source_name, callback_url, staging_key,
                                     gzipped, size_bytes, row_count, status, created_by, load_queue)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'uploaded', ?, ?)""", staged.id(), staged.accountId(),
                staged.dataset(), staged.fileName(), staged.dataSourceName(), staged.callbackUrl(), staged.stagingKey(),
                staged.gzipped(), staged.sizeBytes(), staged.rowCount(), createdBy, loadQueue);
    }

    /**
     * An upload of a completed batch's file, loaded in place; false when that file
     * already has one.
     */
    public boolean insertFromBatch(StagedUpload staged, UUID batchFileId, String createdBy, String loadQueue) {
        return jdbc.update("""
                INSERT INTO uploads (id, account_id, dataset, file_name, data_source_name, staging_key, gzipped,
                                     size_bytes, row_count, status, created_by, batch_file_id, keep_staged, load_queue)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 'uploaded', ?, ?, TRUE, ?)
                ON CONFLICT (batch_file_id) DO NOTHING""", staged.id(), staged.accountId(), staged.dataset(),
                staged.fileName(), staged.dataSourceName(), staged.stagingKey(), staged.gzipped(), staged.sizeBytes(),
                createdBy, batchFileId, loadQueue) == 1;
    }

    public Optional<Upload> find(UUID id) {
        return jdbc.query("SELECT * FROM uploads WHERE id = ?", UPLOAD, id).stream().findFirst();
    }

    Optional<Upload> findOwned(UUID id, UUID accountId) {
        return jdbc.query("SELECT * FROM uploads WHERE id = ? AND account_id = ?", UPLOAD, id, accountId)
            .stream()
            .findFirst();
    }

    List<Upload> page(UUID accountId, UploadStatus status, PageQuery page) {
        List<Object> args = new ArrayList<>(List.of(accountId));
        String where = filter(status, args);
        args.add(page.size());
        args.add(page.offset());
        return jdbc.query(
                "SELECT * FROM uploads WHERE " + where + " ORDER BY " + page.orderBy() + ", id LIMIT ? OFFSET ?",
                UPLOAD, args.toArray());
    }

    long count(UUID accountId, UploadStatus status) {
        List<Object> args = new ArrayList<>(List.of(accountId));
        String where = filter(status, args);
        return jdbc.queryForObject("SELECT count(*) FROM uploads WHERE " + where, Long.class, args.toArray());
    }

    void markPublished(UUID id) {
        jdbc.update("UPDATE uploads SET published = TRUE WHERE id = ?", id);
    }

    /**
     * Uploads for {@code loadQueue} whose load message has not been published (the broker
     * was down), oldest first.
     */
    List<UUID> unpublished(String loadQueue, int limit) {
        return jdbc.queryForList(
                "SELECT id FROM uploads WHERE NOT published AND status = 'uploaded' AND load_queue = ? "
                        + "AND created_at < now() - interval '2 seconds' ORDER BY created_at LIMIT ?",
                UUID.class, loadQueue, limit);
    }

    /**
     * Uploads whose callback is due but was not handed to the broker yet, oldest first.
     */
    List<UUID> unpublishedWebhooks(int limit) {
        return jdbc.queryForList(
                "SELECT id FROM uploads WHERE NOT webhook_published AND webhook_status = 'pending' "
                        + "AND completed_at < now() - interval '2 seconds' ORDER BY completed_at LIMIT ?",
                UUID.class, limit);
    }

    void markWebhookPublished(UUID id) {
        jdbc.update("UPDATE uploads SET webhook_published = TRUE WHERE id = ?", id);
    }

    public void webhookAttempted(UUID id, String error) {
        jdbc.update("UPDATE uploads SET webhook_attempts = webhook_attempts + 1, webhook_error = ? WHERE id = ?", error,
                id);
    }

    public void webhookDelivered(UUID id) {
        jdbc.update(
                "UPDATE uploads SET webhook_status = 'delivered', webhook_error = NULL, webhook_delivered_at = now() "
                        + "WHERE id = ? AND webhook_status = 'pending'",
                id);
    }

    public void webhookFailed(UUID id, String error) {
        jdbc.update(
                "UPDATE uploads SET webhook_status = 'failed', webhook_error = ? WHERE id = ? AND webhook_status = 'pending'",
                error, id);
    }

    /**
     * Back to uploaded, for another replica: a drain ended during the load, whose message
     * is already back in the queue.
     */
    public void handBack(UUID id) {
        jdbc.update("UPDATE uploads SET status = 'uploaded' WHERE id = ? AND status = 'processing'", id);
    }

    /**
     * A new attempt: status processing, counters reset, the previous attempt's row errors
     * gone.
     */
    public void startAttempt(UUID id) {
        jdbc.update("""
                UPDATE uploads SET status = 'processing', attempt = attempt + 1, processing_started_at = now(),
                    rows_processed = 0, rows_failed = 0, bytes_read = 0, created_rows = NULL, skipped_rows = NULL,
                    error_message = NULL, completed_at = NULL
                WHERE id = ?""", id);
        jdbc.update("DELETE FROM load_row_errors WHERE upload_id = ?", id);
    }

    public void progress(UUID id, LoadCounts counts) {
        jdbc.update("UPDATE uploads SET rows_processed = ?, rows_failed = ?, bytes_read = ? FROM "
                + AsyncCommit.FROM_ITEM + " WHERE id = ?", counts.rows(), counts.badRows(), counts.bytesRead(), id);
    }

    public void fail(UUID id, String message) {
        jdbc.update("UPDATE uploads SET status = 'failed', error_message = ?, completed_at = now(), " + WEBHOOK_DUE
                + " WHERE id = ?", message, id);
    }

    /**
     * failed → uploaded for the owner, on {@code loadQueue}; false when the upload is not
     * failed (or not theirs).
     */
    boolean retry(UUID id, UUID accountId, String loadQueue) {
        return jdbc
            .update("UPDATE uploads SET status = 'uploaded', published = FALSE, error_message = NULL, load_queue = ? "
                    + "WHERE id = ? AND account_id = ? AND status = 'failed'", loadQueue, id, accountId) == 1;
    }

    private static String filter(UploadStatus status, List<Object> args) {
        if (status == null) {
            return "account_id = ?";
        }
        args.add(status.db());
        return "account_id = ? AND status = ?";
    }

    private static final RowMapper<Upload> UPLOAD = (rs, n) -> new Upload(rs.getObject("id", UUID.class),
            rs.getObject("account_id", UUID.class), rs.getString("dataset"), rs.getString("file_name"),
            rs.getString("data_source_name"), rs.getString("callback_url"), rs.getString("staging_key"),
            rs.getBoolean("gzipped"), rs.getLong("size_bytes"), rs.getLong("row_count"),
            UploadStatus.of(rs.getString("status")), rs.getInt("attempt"), rs.getLong("rows_processed"),
            rs.getLong("rows_failed"), rs.getLong("bytes_read"), nullableLong(rs, "created_rows"),
            nullableLong(rs, "skipped_rows"), rs.getString("error_message"),
            rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("processing_started_at", OffsetDateTime.class),
            rs.getObject("completed_at", OffsetDateTime.class), rs.getString("webhook_status"),
            rs.getInt("webhook_attempts"), rs.getString("webhook_error"),
            rs.getObject("webhook_delivered_at", OffsetDateTime.class), rs.getBoolean("keep_staged"));

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

}
