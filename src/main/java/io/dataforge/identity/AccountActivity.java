package io.dataforge.identity;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * What an account did, for the account admin views. The batches capability owns those
 * figures and implements this, so identity shows them without reading another
 * capability's tables.
 */
public interface AccountActivity {

    /** Live batches of one account and the files uploaded to them. */
    record Totals(long batches, long files) {

        public static final Totals NONE = new Totals(0, 0);

    }

    record Stats(long totalBatches, long completedBatches, long failedBatches, long totalFiles, long totalStorageSize,
            OffsetDateTime lastUploadAt) {
    }

    /** Totals for each of the accounts; an account without batches may be left out. */
    Map<UUID, Totals> totals(Collection<UUID> accountIds);

    Stats stats(UUID accountId);

}
