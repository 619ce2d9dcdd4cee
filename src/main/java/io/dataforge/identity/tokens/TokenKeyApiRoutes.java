package io.dataforge.identity.tokens;

import java.util.Map;

import io.dataforge.identity.AdminAudit;
import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.web.ApiResponses;
import io.dataforge.platform.web.Replies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
import org.springframework.stereotype.Component;

/**
 * The token signing keys: which verify, and a rotation that logs nobody out. ADMIN only.
 */
@Component
class TokenKeyApiRoutes extends RouteBuilder {

    private final SigningKeys keys;

    private final AdminAudit audit;

    TokenKeyApiRoutes(SigningKeys keys, AdminAudit audit) {
        this.keys = keys;
        this.audit = audit;
    }

    @Override
    public void configure() {
        RestDefinition keyApi = rest("/admin/token-keys").description("Token signing keys; ADMIN only")
            .tag("Token keys");
        ApiResponses
            .answersList(keyApi.get()
                .id("listTokenKeys")
                .security("bearerAuth")
                .security("basicAuth")
                .description("The keys that verify tokens (never their material), the signing one first")
                .produces("application/json"), 200, TokenKey.class, "The accepted keys", 401, 403)
            .to("direct:identity.token-keys.list");
        ApiResponses
            .answers(keyApi.post()
                .id("rotateTokenKey")
                .security("bearerAuth")
                .security("basicAuth")
                .description("A new signing key for every replica; the one it replaces still verifies the tokens it"
                        + " signed until they expire. 409 when the key comes from configuration")
                .produces("application/json"), 201, TokenKey.class, "The new signing key", 401, 403, 409)
            .to("direct:identity.token-keys.rotate");

        from("direct:identity.token-keys.list").routeId("identity.token-keys.list")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(exchange -> Replies.json(exchange, 200, keys.list()));
        from("direct:identity.token-keys.rotate").routeId("identity.token-keys.rotate")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(exchange -> {
                TokenKey rotated = keys.rotate();
                audit.record(exchange, "token-key.rotated", "token-key", rotated.kid(), Map.of());
                Replies.json(exchange, 201, rotated);
            });
    }

}
