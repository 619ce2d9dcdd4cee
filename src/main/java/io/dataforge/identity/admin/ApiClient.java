package io.dataforge.identity.admin;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An API client as the admin API shows it; its secret never (see
 * {@link CreatedApiClient}).
 */
@Schema(name = "ApiClient")
record ApiClient(UUID id, UUID accountId, String clientId, String name,
        @ArraySchema(schema = @Schema(allowableValues = {
                "LOADER", "VIEWER", "EXPORTER", "PII_READER" })) List<String> roles,
        boolean isActive, OffsetDateTime secretRotatedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt){

    /** A page of an account's API clients. */
    @Schema(name = "ApiClientPage")
    record Page(List<ApiClient> content, int page, int size, long totalElements, long totalPages) {
    }

}
