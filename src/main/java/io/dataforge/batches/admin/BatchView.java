package io.dataforge.batches.admin;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A batch as the admin API shows it: GET of one batch adds its S3 path and its files,
 * lists leave both out.
 */
@Schema(name = "Batch")
record BatchView(UUID id, UUID accountId, UUID siteId, @Schema(allowableValues = {
        "IN_PROGRESS", "COMPLETED", "COMPLETED_WITH_WARNINGS", "FAILED", "CANCELLED", "NOT_COMPLETED" }) String status,
        String s3Prefix, int uploadedFilesCount, long totalSize, boolean hasErrors,
        @Schema(nullable = true) String failureReason, OffsetDateTime startedAt,
        @Schema(nullable = true) OffsetDateTime completedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
                description = "s3://bucket/prefix; only on GET of one batch") String s3Path,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<File> files){

    /** The same batch with where its files are and what they are. */
    BatchView with(String s3Path, List<File> files) {
        return new BatchView(id, accountId, siteId, status, s3Prefix, uploadedFilesCount, totalSize, hasErrors,
                failureReason, startedAt, completedAt, s3Path, files);
    }

    /** One uploaded file of a batch. */
    @Schema(name = "BatchFile")
    record File(String fileName, String s3Key, long fileSize, String contentType, String md5, String sha256,
            OffsetDateTime uploadedAt) {
    }

    /** A page of batches. */
    @Schema(name = "BatchPage")
    record Page(List<BatchView> content, int page, int size, long totalElements, long totalPages) {
    }

}
