package io.dataforge.export;

import java.time.Instant;
import java.util.UUID;

import io.dataforge.export.pack.Compression;
import io.dataforge.export.render.ExportFormat;

/** One export job as stored. */
record ExportJob(UUID id, UUID tenantId, String principal, String queryDefinition, boolean piiShown, String dataset,
        ExportFormat format, Compression compression, ExportState state, boolean cancelRequested, int attempt,
        Long estimatedRows, long rowsProcessed, String objectKey, Long sizeBytes, String error, Instant createdAt,
        Instant startedAt, Instant finishedAt, Instant expiresAt, boolean expired) {

    /** 0-100: rows processed over the estimated total (100 once succeeded). */
    int progress() {
        if (state == ExportState.Succeeded) {
            return 100;
        }
        if (estimatedRows == null || estimatedRows == 0) {
            return 0;
        }
        return (int) Math.min(99, rowsProcessed * 100 / estimatedRows);
    }
}
