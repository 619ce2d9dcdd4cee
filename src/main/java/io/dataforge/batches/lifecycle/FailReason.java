package io.dataforge.batches.lifecycle;

/**
 * The optional body of {@code POST /api/v1/batch/{batchId}/fail}: why the site gave up
 * (kept up to 4,000 characters).
 */
record FailReason(String reason) {
}
