package io.dataforge.batches.lifecycle;

import java.util.UUID;

/**
 * {@code POST /api/v1/batch/start}: the batch opened, to name in the site's uploads and
 * its close.
 */
record BatchStarted(UUID batchId) {
}
