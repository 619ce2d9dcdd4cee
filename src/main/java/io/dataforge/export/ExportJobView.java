package io.dataforge.export;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An export job as the API shows it; a succeeded job whose file is kept carries a
 * presigned download URL and when that URL ends.
 */
@Schema(name = "ExportJob")
record ExportJobView(UUID jobId, ExportState state, @Schema(description = "0 to 100") int progress, long rowsProcessed,
        @Schema(nullable = true) Long estimatedRows, UUID tenantId, String dataset, @Schema(allowableValues = {
                "csv", "json", "ndjson", "xlsx", "pdf" }) String format,
        @Schema(allowableValues = { "none", "zip", "gzip" }) String compression,
        @Schema(nullable = true, description = "a presigned GET of the file, while it is kept") String downloadUrl,
        @Schema(nullable = true, description = "when downloadUrl stops working") Instant expiresAt,
        @Schema(nullable = true) Long sizeBytes,
        @Schema(nullable = true, description = "when the file is deleted") Instant fileDeletedAfter, boolean expired,
        boolean cancelRequested, @Schema(nullable = true) String error, Instant createdAt,
        @Schema(nullable = true) Instant startedAt, @Schema(nullable = true) Instant finishedAt){

    /** A page of export jobs. */
    @Schema(name = "ExportJobPage")
    record Page(List<ExportJobView> content, int page, int size, long totalElements, long totalPages) {
    }

}
