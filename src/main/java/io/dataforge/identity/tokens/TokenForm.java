package io.dataforge.identity.tokens;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The form of an API client's token request (RFC 6749 section 4.4) as the document shows
 * it; sites send no form, only Basic. Read by {@link Credentials#form}, never bound.
 */
@Schema(name = "TokenForm")
record TokenForm(@JsonProperty("grant_type") @Schema(allowableValues = "client_credentials") String grantType,
        @JsonProperty("client_id") @Schema(description = "or Basic clientId:secret") String clientId,
        @JsonProperty("client_secret") String clientSecret,
        @Schema(description = "space-separated roles of the client, fewer than all for a token that can do less") String scope) {
}
