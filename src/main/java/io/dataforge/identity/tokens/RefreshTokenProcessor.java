package io.dataforge.identity.tokens;

import java.util.List;
import java.util.Map;

import io.dataforge.identity.Caller;
import io.dataforge.platform.web.ApiException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/v1/auth/refresh}: a valid token buys a fresh one, so a long upload
 * session never stops to log in again; but only while its site, client or admin still
 * exists and is active.
 */
@Component
class RefreshTokenProcessor implements Processor {

    private final PrincipalRepository principals;

    private final AdminUsers admins;

    private final TokenService tokens;

    RefreshTokenProcessor(PrincipalRepository principals, AdminUsers admins, TokenService tokens) {
        this.principals = principals;
        this.admins = admins;
        this.tokens = tokens;
    }

    @Override
    public void process(Exchange exchange) {
        Caller caller = Caller.of(exchange);
        TokenService.IssuedToken token;
        if (caller.siteId() != null) {
            var site = principals.siteById(caller.siteId()).orElseThrow(IssueTokenProcessorErrors::inactive);
            token = tokens.issue(caller.subject(), List.of("SITE"), Map.of("siteId", site.siteId().toString(),
                    "accountId", site.accountId().toString(), "domain", site.domain()));
        }
        else if (caller.clientId() != null) {
            var client = principals.client(caller.clientId()).orElseThrow(IssueTokenProcessorErrors::inactive);
            token = tokens.issue(caller.subject(), client.roles(),
                    Map.of("clientId", client.clientId(), "accountId", client.accountId().toString()));
        }
        else if (caller.subject().startsWith("admin:") && admins.exists(caller.subject().substring(6))) {
            token = tokens.issue(caller.subject(), List.of("ADMIN"), Map.of());
        }
        else {
            throw IssueTokenProcessorErrors.inactive();
        }
        exchange.getMessage().setHeader("Cache-Control", "no-store");
        exchange.getMessage().setBody(TokenAnswer.site(token));
    }

    private static final class IssueTokenProcessorErrors {

        static ApiException inactive() {
            return new ApiException(401, "This token's site, client or account is no longer active");
        }

    }

}
