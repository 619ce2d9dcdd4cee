package io.dataforge.datasets.subjects;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Whose rows to export: a tenant (account id) and the subject's value, e.g. an email. */
@Schema(name = "SubjectRequest")
record SubjectRequest(@Schema(description = "the account (tenant) id, a UUID") @NotBlank String tenantId,
        @Schema(description = "the value of the datasets' subject columns: an email, a customer id") @NotBlank @Size(
                min = 1, max = 1000) String value) {
}
