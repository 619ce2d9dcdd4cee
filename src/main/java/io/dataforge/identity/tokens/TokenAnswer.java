package io.dataforge.identity.tokens;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A token as the token endpoints answer it: sites and admins get {@code token, expiresIn,
 * tokenType}; API clients the OAuth 2.0 shape (RFC 6749 section 5.1), with {@code scope}
 * when they asked for one.
 */
@Schema(name = "Token")
@JsonInclude(JsonInclude.Include.NON_NULL)
record TokenAnswer(String token, Long expiresIn, String tokenType, @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String oauthTokenType, @JsonProperty("expires_in") Long oauthExpiresIn,
        String scope) {

    static TokenAnswer site(TokenService.IssuedToken issued) {
        return new TokenAnswer(issued.token(), issued.expiresIn(), "Bearer", null, null, null, null);
    }

    static TokenAnswer oauth(TokenService.IssuedToken issued, String scope) {
        return new TokenAnswer(null, null, null, issued.token(), "Bearer", issued.expiresIn(), scope);
    }

}
