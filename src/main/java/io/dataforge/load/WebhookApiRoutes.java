package io.dataforge.load;

import java.util.Map;
import java.util.UUID;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.Replies;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The key an account's callbacks are signed with, for its admin to hand to the receiving side. */
@Component
class WebhookApiRoutes extends RouteBuilder {

    private final WebhookSecrets secrets;
    private final JdbcTemplate jdbc;

    WebhookApiRoutes(WebhookSecrets secrets, JdbcTemplate jdbc) {
        this.secrets = secrets;
        this.jdbc = jdbc;
    }

    @Override
    public void configure() {
        rest("/admin/accounts/{accountId}/webhook-secret").description("Callback signing key of an account (admin)")
                .get().description("The key (made on first use): X-DataForge-Signature is sha256=HMAC-SHA256(key, body)")
                    .produces("application/json").to("direct:load.webhook-secret")
                .post("/rotate").description("A new key; callbacks are signed with it from now on")
                    .produces("application/json").to("direct:load.webhook-secret-rotate");

        from("direct:load.webhook-secret").routeId("load.webhook-secret").routeConfigurationId(ErrorHandlingRoutes.REST)
                .process(e -> reply(e, secrets.secretFor(account(e))));
        from("direct:load.webhook-secret-rotate").routeId("load.webhook-secret-rotate")
                .routeConfigurationId(ErrorHandlingRoutes.REST)
                .process(e -> reply(e, secrets.rotate(account(e))));
    }

    private UUID account(Exchange exchange) {
        UUID id;
        try {
            id = UUID.fromString(exchange.getMessage().getHeader("accountId", String.class));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(404, "No such account");
        }
        if (!jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM accounts WHERE id = ? AND deleted_at IS NULL)", Boolean.class, id)) {
            throw new ApiException(404, "No such account");
        }
        return id;
    }

    private static void reply(Exchange exchange, String secret) {
        Replies.json(exchange, 200, Map.of("accountId", exchange.getMessage().getHeader("accountId"), "webhookSecret", secret));
    }
}
