package io.dataforge.load;

import java.time.OffsetDateTime;
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
}
