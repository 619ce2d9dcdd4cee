package io.dataforge.datasets.subjects;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** What an erasure did (or, in a dry run, would do) in each dataset with a subject. */
@Schema(name = "ErasureReport")
record ErasureReport(String tenantId, boolean dryRun, List<Erased> datasets, OffsetDateTime erasedAt) {

    /** One dataset: its rows deleted, or their pii columns blanked. */
    @Schema(name = "ErasedDataset")
    record Erased(String dataset, @Schema(allowableValues = {
            "deleted", "blanked" }) String action,
            @Schema(description = "rows deleted or blanked (to be, in a dry run)") long rows){
    }

}
