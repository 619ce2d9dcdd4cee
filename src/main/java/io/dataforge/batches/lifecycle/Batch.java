package io.dataforge.batches.lifecycle;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.dataforge.batches.BatchStatus;

/** One batch as stored. */
public record Batch(UUID id, UUID accountId, UUID siteId, BatchStatus status, String s3Prefix, int uploadedFilesCount,
        long totalSize, boolean hasErrors, OffsetDateTime startedAt, OffsetDateTime completedAt) {

    /** The answer of the close endpoints, in the site clients' shape. */
    Map<String, Object> closedShape() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batchId", id);
        body.put("status", status.name());
        body.put("completedAt", completedAt);
        body.put("uploadedFilesCount", uploadedFilesCount);
        body.put("totalSize", totalSize);
        return body;
    }
}
