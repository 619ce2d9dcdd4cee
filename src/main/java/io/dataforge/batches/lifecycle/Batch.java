package io.dataforge.batches.lifecycle;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.dataforge.batches.BatchStatus;

/** One batch as stored. */
public record Batch(UUID id, UUID accountId, UUID siteId, BatchStatus status, String s3Prefix, int uploadedFilesCount,
        long totalSize, boolean hasErrors, OffsetDateTime startedAt, OffsetDateTime completedAt) {
}
