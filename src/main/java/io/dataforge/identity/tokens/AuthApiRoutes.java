package io.dataforge.identity.tokens;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.web.ApiParams;
import io.dataforge.platform.web.ApiResponses;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
import org.springframework.stereotype.Component;

/**
 * Token endpoints: the site clients' contract, OAuth client credentials, refresh, and
 * admin login.
 */
@Component
class AuthApiRoutes extends RouteBuilder {

    private final IssueTokenProcessor issueToken;

    private final RefreshTokenProcessor refreshToken;

    private final IssueAdminTokenProcessor issueAdminToken;

    AuthApiRoutes(IssueTokenProcessor issueToken, RefreshTokenProcessor refreshToken,
            IssueAdminTokenProcessor issueAdminToken) {
        this.issueToken = issueToken;
        this.refreshToken = refreshToken;
        this.issueAdminToken = issueAdminToken;
    }

    @Override
    public void configure() {
        // the document's security schemes, declared where the tokens are issued
        RestDefinition auth = rest("/api/v1/auth").description("Tokens for sites, API clients and admins")
            .tag("Auth")
            .securityDefinitions()
            .bearerToken("bearerAuth",
                    "A token from POST /api/v1/auth/token (sites, API clients),"
                            + " POST /api/v1/auth/admin/token or the configured OIDC issuer (admins)",
                    "JWT")
            .basicAuth("basicAuth",
                    "Sites (domain:secret) and API clients (clientId:secret) on the token"
                            + " endpoint; admins (username:password) on the token endpoint and the admin API")
            .oauth2("oauth2",
                    "API clients: the client credentials grant; a scope asks for fewer of the client's" + " roles")
            .flow("clientCredentials")
            .tokenUrl("/api/v1/auth/token")
            .withScope("LOADER", "upload CSV files into datasets")
            .withScope("VIEWER", "query datasets, read uploads and exports")
            .withScope("EXPORTER", "order exports")
            .withScope("PII_READER", "see pii columns unmasked")
            .end()
            .end();
        ApiResponses.answers(auth.post("/token")
            .id("issueToken")
            // no security requirement: credentials come as Basic or, for API clients, in
            // the form itself
            .description("Site: Basic domain:secret, no form → {token, expiresIn, tokenType}. API client:"
                    + " grant_type=client_credentials with client_id and client_secret in the form or as Basic"
                    + " (optional scope: some of its roles) → {access_token, token_type, expires_in, scope}")
            // any content type still matches: sites post nothing, with or without one
            .consumes("application/x-www-form-urlencoded,*/*")
            .type(TokenForm.class)
            .produces("application/json"), 200, TokenAnswer.class, "The token", 400, 401, 413, 429);
        ApiParams.optionalBody(auth, "API clients only: the client credentials grant").to("direct:identity.token");
        ApiResponses
            .answers(auth.post("/refresh")
                .id("refreshToken")
                .security("bearerAuth")
                .description("A valid bearer token → a fresh one (24 h)")
                .produces("application/json"), 200, TokenAnswer.class, "A fresh token", 401)
            .to("direct:identity.refresh");
        ApiResponses
            .answers(auth.post("/admin/token")
                .id("issueAdminToken")
                .security("basicAuth")
                .description("Basic username:password of an admin → an ADMIN token")
                .produces("application/json"), 200, TokenAnswer.class, "An ADMIN token", 401, 429)
            .to("direct:identity.admin-token");

        from("direct:identity.token").routeId("identity.token")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(issueToken)
            .marshal()
            .json();
        from("direct:identity.refresh").routeId("identity.refresh")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(refreshToken)
            .marshal()
            .json();
        from("direct:identity.admin-token").routeId("identity.admin-token")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(issueAdminToken)
            .marshal()
            .json();
    }

}
