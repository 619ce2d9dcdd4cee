package io.dataforge.identity.tokens;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.dataforge.platform.web.ApiException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/v1/auth/token}: a site's {@code Basic domain:secret} gets the site
 * clients' token shape; an API client's OAuth 2.0 client-credentials grant (form fields
 * or Basic) gets the RFC 6749 shape. Every failure reads "Invalid credentials", so nobody
 * can learn which names exist; repeated failures throttle.
 */
@Component
class IssueTokenProcessor implements Processor {

    private final PrincipalRepository principals;

    private final Secrets secrets;

    private final LoginThrottle throttle;

    private final TokenService tokens;

    private final ClientLogins clientLogins;

    IssueTokenProcessor(PrincipalRepository principals, Secrets secrets, LoginThrottle throttle, TokenService tokens,
            ClientLogins clientLogins) {
        this.principals = principals;
        this.secrets = secrets;
        this.tokens = tokens;
        this.throttle = throttle;
        this.clientLogins = clientLogins;
    }

    @Override
    public void process(Exchange exchange) {
        Map<String, String> form = Credentials.form(exchange);
        String grant = form.get("grant_type");
        if (grant != null && !"client_credentials".equals(grant)) {
            throw new ApiException(400, "Unsupported grant_type: only client_credentials", "unsupported_grant_type",
                    null);
        }
        Object body = grant != null ? clientToken(exchange, form) : siteToken(exchange);
        exchange.getMessage().setHeader("Cache-Control", "no-store");
        exchange.getMessage().setBody(body);
    }

    private TokenAnswer siteToken(Exchange exchange) {
        Credentials credentials = Credentials.basic(exchange)
            .orElseThrow(() -> new ApiException(401, LoginThrottle.INVALID));
        var s = throttle.attempt("site:" + credentials.name().toLowerCase(),
                () -> secrets.matching(credentials.secret(), principals.siteByDomain(credentials.name()),
                        PrincipalRepository.SitePrincipal::secretHash));
        return TokenAnswer.site(tokens.issue("site:" + s.siteId(), List.of("SITE"),
                Map.of("siteId", s.siteId().toString(), "accountId", s.accountId().toString(), "domain", s.domain())));
    }

    private TokenAnswer clientToken(Exchange exchange, Map<String, String> form) {
        Credentials credentials = form.get("client_id") != null
                ? new Credentials(form.get("client_id"), form.get("client_secret"))
                : Credentials.basic(exchange).orElseThrow(() -> new ApiException(401, LoginThrottle.INVALID));
        var c = clientLogins.check(credentials);
        String scope = form.get("scope");
        List<String> roles = granted(c.roles(), scope);
        var issued = tokens.issue("client:" + c.clientId(), roles,
                Map.of("clientId", c.clientId(), "accountId", c.accountId().toString()));
        return TokenAnswer.oauth(issued, scope != null && !scope.isBlank() ? String.join(" ", roles) : null);
    }

    /**
     * RFC 6749 section 3.3: a client may ask for fewer of its roles (space-separated in
     * {@code scope}) for a token that can do less; none asked means all of them.
     */
    static List<String> granted(List<String> roles, String scope) {
        if (scope == null || scope.isBlank()) {
            return roles;
        }
        List<String> asked = Arrays.stream(scope.strip().split("\\s+")).distinct().toList();
        if (!roles.containsAll(asked)) {
            throw new ApiException(400, "scope may name only roles the client holds: " + roles, "invalid_scope", null);
        }
        return asked;
    }

}
