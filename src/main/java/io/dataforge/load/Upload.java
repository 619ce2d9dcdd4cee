package io.dataforge.load;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One upload as stored in {@code uploads}. */
public record Upload(UUID id, UUID accountId, String dataset, String fileName, String dataSourceName,
        String callbackUrl, String stagingKey, boolean gzipped, long sizeBytes, long rowCount, UploadStatus status,
        int attempt, long rowsProcessed, long rowsFailed, long bytesRead, Long createdRows, Long skippedRows,
        String errorMessage, OffsetDateTime createdAt, OffsetDateTime processingStartedAt, OffsetDateTime completedAt,
        String webhookStatus, int webhookAttempts, String webhookError, OffsetDateTime webhookDeliveredAt,
        boolean keepStaged) {

    /** Share of the staged bytes read so far by the load, 0-100. */
    int percentComplete() {
        if (status == UploadStatus.COMPLETED) {
            return 100;
        }
        return sizeBytes == 0 ? 0 : (int) Math.min(100, bytesRead * 100 / sizeBytes);
    }

    /** The API's view of the upload (GET /api/v1/uploads/{id}, lists). */
    Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("uploadId", id);
        view.put("status", status.db());
        view.put("fileName", fileName);
        view.put("dataset", dataset);
        view.put("dataSourceName", dataSourceName);
        view.put("rowCount", rowCount);
        view.put("rowsProcessed", rowsProcessed);
        view.put("rowsFailed", rowsFailed);
        view.put("percentComplete", percentComplete());
        view.put("createdRows", createdRows);
        view.put("skippedRows", skippedRows);
        view.put("attempt", attempt);
        view.put("createdAt", createdAt);
        view.put("processingStartedAt", processingStartedAt);
        view.put("completedAt", completedAt);
        view.put("errorMessage", errorMessage);
        if (callbackUrl != null) {
            Map<String, Object> webhook = new LinkedHashMap<>();
            webhook.put("callbackUrl", callbackUrl);
            webhook.put("status", webhookStatus);
            webhook.put("attempts", webhookAttempts);
            webhook.put("error", webhookError);
            webhook.put("deliveredAt", webhookDeliveredAt);
            view.put("webhook", webhook);
        }
        return view;
    }
}
