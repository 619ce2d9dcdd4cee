package io.dataforge.load.webhooks;

import io.dataforge.load.UploadCallers;
import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.web.ApiResponses;
import io.dataforge.platform.web.Replies;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
import org.springframework.stereotype.Component;

/**
 * The key an account's callbacks are signed with, for its admin to hand to the receiving
 * side.
 */
@Component
class WebhookApiRoutes extends RouteBuilder {

    private final WebhookSecrets secrets;

    private final UploadCallers callers;

    WebhookApiRoutes(WebhookSecrets secrets, UploadCallers callers) {
        this.secrets = secrets;
        this.callers = callers;
    }

    @Override
    public void configure() {
        RestDefinition webhookSecret = rest("/admin/accounts/{accountId}/webhook-secret")
            .description("Callback signing key of an account (admin)")
            .tag("Webhooks");
        ApiResponses
            .answers(
                    webhookSecret.get()
                        .id("getWebhookSecret")
                        .security("bearerAuth")
                        .security("basicAuth")
                        .description(
                                "The key (made on first use): X-DataForge-Signature is sha256=HMAC-SHA256(key, body)")
                        .produces("application/json"),
                    200, WebhookSecret.class, "The account's signing key", 401, 403, 404)
            .to("direct:load.webhook-secret");
        ApiResponses
            .answers(
                    webhookSecret.post("/rotate")
                        .id("rotateWebhookSecret")
                        .security("bearerAuth")
                        .security("basicAuth")
                        .description("A new key; callbacks are signed with it from now on")
                        .produces("application/json"),
                    200, WebhookSecret.class, "The account's new signing key", 401, 403, 404)
            .to("direct:load.webhook-secret-rotate");

        from("direct:load.webhook-secret").routeId("load.webhook-secret")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(e -> reply(e, secrets.secretFor(callers.namedAccount(e))));
        from("direct:load.webhook-secret-rotate").routeId("load.webhook-secret-rotate")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(e -> reply(e, secrets.rotate(callers.namedAccount(e))));
    }

    private static void reply(Exchange exchange, String secret) {
        Replies.json(exchange, 200,
                new WebhookSecret(exchange.getMessage().getHeader("accountId", String.class), secret));
    }

}
