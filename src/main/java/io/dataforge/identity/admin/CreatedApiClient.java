package io.dataforge.identity.admin;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An API client with its secret: the answer of its creation and of a secret rotation, the
 * only time the secret is shown.
 */
@Schema(name = "CreatedApiClient")
record CreatedApiClient(UUID id, UUID accountId, String clientId, String name,
        @ArraySchema(schema = @Schema(allowableValues = {
                "LOADER", "VIEWER", "EXPORTER", "PII_READER" })) List<String> roles,
        boolean isActive, OffsetDateTime secretRotatedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt,
        @Schema(description = "shown this once; only its hash is kept") String clientSecret){

    static CreatedApiClient of(ApiClient client, String secret) {
        return new CreatedApiClient(client.id(), client.accountId(), client.clientId(), client.name(), client.roles(),
                client.isActive(), client.secretRotatedAt(), client.createdAt(), client.updatedAt(), secret);
    }

}
