package io.dataforge.export;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to an export order: the job it made (202) or the one the same order made
 * within the hour (200); {@code GET /api/v1/exports/{jobId}} tells the rest.
 */
@Schema(name = "ExportAccepted")
record ExportAccepted(UUID jobId, ExportState state) {
}
