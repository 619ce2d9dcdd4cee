package io.dataforge.identity.admin;

import java.time.OffsetDateTime;

import io.dataforge.identity.AccountActivity;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code GET /admin/accounts/{id}/stats}: the account's sites, and its batch figures from
 * {@link AccountActivity}.
 */
record AccountStats(long sitesCount, long activeSites, long totalBatches, long completedBatches, long failedBatches,
        long totalFiles, long totalStorageSize, @Schema(nullable = true,
                description = "the last file uploaded to any of its batches") OffsetDateTime lastUploadAt) {

    /** Live sites of an account, and the active ones among them. */
    record Sites(long sitesCount, long activeSites) {
    }

    static AccountStats of(Sites sites, AccountActivity.Stats batches) {
        return new AccountStats(sites.sitesCount(), sites.activeSites(), batches.totalBatches(),
                batches.completedBatches(), batches.failedBatches(), batches.totalFiles(), batches.totalStorageSize(),
                batches.lastUploadAt());
    }

}
