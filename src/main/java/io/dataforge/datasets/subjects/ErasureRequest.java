package io.dataforge.datasets.subjects;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Whose rows to erase; with {@code dryRun} only counted. */
@Schema(name = "ErasureRequest")
record ErasureRequest(@Schema(description = "the account (tenant) id, a UUID") @NotBlank String tenantId,
        @Schema(description = "the value of the datasets' subject columns: an email, a customer id") @NotBlank @Size(
                min = 1, max = 1000) String value,
        @Schema(description = "count what would be erased, change nothing") Boolean dryRun) {

    boolean counting() {
        return Boolean.TRUE.equals(dryRun);
    }

}
