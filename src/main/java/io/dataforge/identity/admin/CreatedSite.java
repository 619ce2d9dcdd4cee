package io.dataforge.identity.admin;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A site with its secret: the answer of its creation and of a secret rotation, the only
 * time the secret is shown.
 */
@Schema(name = "CreatedSite")
record CreatedSite(UUID id, UUID accountId, String domain, String displayName, boolean isActive,
        OffsetDateTime secretRotatedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt,
        @Schema(description = "shown this once; only its hash is kept") String clientSecret) {

    static CreatedSite of(Site site, String secret) {
        return new CreatedSite(site.id(), site.accountId(), site.domain(), site.displayName(), site.isActive(),
                site.secretRotatedAt(), site.createdAt(), site.updatedAt(), secret);
    }

}
