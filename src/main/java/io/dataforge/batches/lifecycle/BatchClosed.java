package io.dataforge.batches.lifecycle;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dataforge.batches.BatchStatus;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer of the close endpoints ({@code /complete}, {@code /complete-with-warnings},
 * {@code /fail}, {@code /cancel}), in the site clients' shape.
 */
record BatchClosed(UUID batchId, @Schema(allowableValues = {
        "COMPLETED", "COMPLETED_WITH_WARNINGS", "FAILED", "CANCELLED" }) String status, OffsetDateTime completedAt,
        int uploadedFilesCount, long totalSize, @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
                description = "true, only in the answer of /fail") Boolean hasErrors){

    static BatchClosed of(Batch batch) {
        return new BatchClosed(batch.id(), batch.status().name(), batch.completedAt(), batch.uploadedFilesCount(),
                batch.totalSize(), batch.status() == BatchStatus.FAILED ? Boolean.TRUE : null);
    }

}
