package io.dataforge.identity;

import io.dataforge.platform.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * Checks an API client's id and secret, throttled per client like every login: the token endpoint's client
 * credentials grant, and export orders that carry credentials instead of a token.
 */
@Component
class ClientLogins {

    static final String INVALID = "Invalid credentials";

    private final PrincipalRepository principals;
    private final Secrets secrets;
    private final LoginThrottle throttle;

    ClientLogins(PrincipalRepository principals, Secrets secrets, LoginThrottle throttle) {
        this.principals = principals;
        this.secrets = secrets;
        this.throttle = throttle;
    }

    PrincipalRepository.ClientPrincipal check(Credentials credentials) {
        String principal = "client:" + credentials.name();
        throttle.checkNotBlocked(principal);
        var client = principals.client(credentials.name());
        if (!secrets.matches(credentials.secret(), client.map(PrincipalRepository.ClientPrincipal::secretHash).orElse(null))) {
            throttle.recordFailure(principal);
            throw new ApiException(401, INVALID);
        }
        throttle.reset(principal);
        return client.orElseThrow();
    }
}
