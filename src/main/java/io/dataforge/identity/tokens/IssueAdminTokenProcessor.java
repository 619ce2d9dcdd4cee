package io.dataforge.identity.tokens;

import java.util.List;
import java.util.Map;

import io.dataforge.platform.web.ApiException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/v1/auth/admin/token}: Basic username:password of an admin user → an
 * ADMIN token.
 */
@Component
class IssueAdminTokenProcessor implements Processor {

    private final AdminUsers admins;

    private final LoginThrottle throttle;

    private final TokenService tokens;

    IssueAdminTokenProcessor(AdminUsers admins, LoginThrottle throttle, TokenService tokens) {
        this.admins = admins;
        this.throttle = throttle;
        this.tokens = tokens;
    }

    @Override
    public void process(Exchange exchange) {
        Credentials credentials = Credentials.basic(exchange)
            .orElseThrow(() -> new ApiException(401, LoginThrottle.INVALID));
        String username = throttle.attempt("admin:" + credentials.name(),
                () -> admins.authenticate(credentials.name(), credentials.secret()));
        exchange.getMessage().setHeader("Cache-Control", "no-store");
        exchange.getMessage().setBody(TokenAnswer.site(tokens.issue("admin:" + username, List.of("ADMIN"), Map.of())));
    }

}
