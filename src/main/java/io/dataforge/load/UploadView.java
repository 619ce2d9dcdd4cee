package io.dataforge.load;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dataforge.load.copy.RowError;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An upload as the API shows it (GET /api/v1/uploads/{id} with its first row errors;
 * lists without them).
 */
@Schema(name = "Upload")
record UploadView(UUID uploadId, @Schema(allowableValues = {
        "uploaded", "processing", "completed", "failed" }) String status, String fileName, String dataset,
        @Schema(nullable = true) String dataSourceName, long rowCount, long rowsProcessed, long rowsFailed,
        int percentComplete, @Schema(nullable = true) Long createdRows, @Schema(nullable = true) Long skippedRows,
        int attempt, OffsetDateTime createdAt, @Schema(nullable = true) OffsetDateTime processingStartedAt,
        @Schema(nullable = true) OffsetDateTime completedAt, @Schema(nullable = true) String errorMessage,
        @Schema(nullable = true, description = "only when the upload named a callbackUrl") Webhook webhook,
        @Schema(nullable = true, description = "the first 20; only on GET of one upload") List<RowError> errors){

    /** The callback of an upload that named one, and how its delivery went. */
    @Schema(name = "UploadWebhook")
    record Webhook(String callbackUrl, @Schema(nullable = true, allowableValues = {
            "pending", "delivered", "failed" }) String status, int attempts, @Schema(nullable = true) String error,
            @Schema(nullable = true) OffsetDateTime deliveredAt){
    }

    static UploadView of(Upload upload, List<RowError> errors) {
        Webhook webhook = upload.callbackUrl() == null ? null : new Webhook(upload.callbackUrl(),
                upload.webhookStatus(), upload.webhookAttempts(), upload.webhookError(), upload.webhookDeliveredAt());
        return new UploadView(upload.id(), upload.status().db(), upload.fileName(), upload.dataset(),
                upload.dataSourceName(), upload.rowCount(), upload.rowsProcessed(), upload.rowsFailed(),
                upload.percentComplete(), upload.createdRows(), upload.skippedRows(), upload.attempt(),
                upload.createdAt(), upload.processingStartedAt(), upload.completedAt(), upload.errorMessage(), webhook,
                errors);
    }

    /** A page of uploads. */
    @Schema(name = "UploadPage")
    record Page(List<UploadView> content, int page, int size, long totalElements, long totalPages) {
    }

    /** A page of an upload's row errors. */
    @Schema(name = "RowErrorPage")
    record ErrorPage(List<RowError> content, int page, int size, long totalElements, long totalPages) {
    }

}
