package io.dataforge.privacy;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A purge of one soft-deleted account: who ordered it, how far it got, whether it
 * finished.
 *
 * @param counts what was deleted so far, per kind (datasetRows, uploads, rowErrors,
 * stagedFiles, batches, batchFiles, batchObjects, errorLogs, exportJobs, exportFiles,
 * loadRules, webhookKeys, apiClients, sites, accounts)
 * @param error the last fault met, while it is retried
 */
public record Purge(UUID id, UUID accountId, @Schema(allowableValues = {
        "api", "cli" }) String via, String requestedBy, OffsetDateTime requestedAt,
        @Schema(allowableValues = { "running", "completed" }) String state, Map<String, Long> counts, int attempts,
        @Schema(nullable = true) String error, @Schema(nullable = true) OffsetDateTime finishedAt){

    public boolean completed() {
        return "completed".equals(state);
    }

}
