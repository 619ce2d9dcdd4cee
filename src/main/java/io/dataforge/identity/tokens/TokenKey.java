package io.dataforge.identity.tokens;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A token key as admins see it (never its material): its kid, whether it signs new
 * tokens, where it comes from, and until when a retired one still verifies.
 */
record TokenKey(String kid, boolean signing, @Schema(allowableValues = {
        "configuration", "token_keys" }) String source,
        @Schema(nullable = true, description = "When it was stored; null for a configured key") Instant createdAt,
        @Schema(nullable = true, description = "When it stopped signing; null while it signs") Instant retiredAt,
        @Schema(nullable = true,
                description = "Until when it verifies the tokens it signed; null while it signs") Instant acceptedUntil){
}
