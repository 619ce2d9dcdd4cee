package io.dataforge.identity.admin;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** A site as the admin API shows it; its secret never (see {@link CreatedSite}). */
@Schema(name = "Site")
record Site(UUID id, UUID accountId, String domain, String displayName, boolean isActive,
        OffsetDateTime secretRotatedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** A page of an account's sites. */
    @Schema(name = "SitePage")
    record Page(List<Site> content, int page, int size, long totalElements, long totalPages) {
    }

}
