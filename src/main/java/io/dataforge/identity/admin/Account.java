package io.dataforge.identity.admin;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.dataforge.identity.AccountActivity;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An account (tenant) as the admin API shows it, with its live site count and the batch
 * figures of {@link AccountActivity}.
 */
@Schema(name = "Account")
record Account(UUID id, String email, String name, boolean isActive, long sitesCount, long totalBatches,
        long totalUploadedFiles, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** The same account with its batch totals. */
    Account with(AccountActivity.Totals totals) {
        return new Account(id, email, name, isActive, sitesCount, totals.batches(), totals.files(), createdAt,
                updatedAt);
    }

    /** A page of accounts. */
    @Schema(name = "AccountPage")
    record Page(List<Account> content, int page, int size, long totalElements, long totalPages) {
    }

}
