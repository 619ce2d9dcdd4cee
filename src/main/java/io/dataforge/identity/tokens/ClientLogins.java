package io.dataforge.identity.tokens;

import org.springframework.stereotype.Component;

/**
 * Checks an API client's id and secret, throttled per client like every login: the token
 * endpoint's client credentials grant, and export orders that carry credentials instead
 * of a token.
 */
@Component
public class ClientLogins {

    private final PrincipalRepository principals;

    private final Secrets secrets;

    private final LoginThrottle throttle;

    ClientLogins(PrincipalRepository principals, Secrets secrets, LoginThrottle throttle) {
        this.principals = principals;
        this.secrets = secrets;
        this.throttle = throttle;
    }

    public PrincipalRepository.ClientPrincipal check(Credentials credentials) {
        return throttle.attempt("client:" + credentials.name(), () -> secrets.matching(credentials.secret(),
                principals.client(credentials.name()), PrincipalRepository.ClientPrincipal::secretHash));
    }

}
