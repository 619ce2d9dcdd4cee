package io.dataforge.identity;

import io.dataforge.identity.tokens.ClientLogins;
import io.dataforge.identity.tokens.Credentials;
import io.dataforge.identity.tokens.LoginThrottle;
import io.dataforge.platform.web.ApiException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * The caller an {@code Authorization} header value names outside an HTTP request (an
 * export ordered over AMQP): {@code Bearer <token>}, one of our tokens checked like the
 * REST API checks it (signature, issuer, expiry), or {@code Basic <client id:secret>}, an
 * API client's credentials checked like the token endpoint checks them.
 */
@Component
public class AuthorizationHeaders {

    private final JwtDecoder decoder;

    private final ClientLogins clientLogins;

    AuthorizationHeaders(JwtDecoder localDecoder, ClientLogins clientLogins) {
        this.decoder = localDecoder;
        this.clientLogins = clientLogins;
    }

    /** A missing header, a forged or expired token or wrong credentials is a 401. */
    public Caller caller(String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            var client = clientLogins.check(
                    Credentials.basic(authorization).orElseThrow(() -> new ApiException(401, LoginThrottle.INVALID)));
            return new Caller("client:" + client.clientId(), client.accountId(), null, client.clientId(), null,
                    client.roles());
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401,
                    "A bearer token or an API client's Basic credentials are required in the Authorization header");
        }
        try {
            return Caller.from(SecurityConfig.ourToken(decoder.decode(authorization.substring(7).strip())));
        }
        catch (JwtException e) {
            throw new ApiException(401, "The bearer token is not valid: " + e.getMessage());
        }
    }

}
