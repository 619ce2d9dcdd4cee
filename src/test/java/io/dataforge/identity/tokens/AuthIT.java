package io.dataforge.identity.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;
import io.dataforge.identity.IdentityClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tokens over real HTTP: the site contract, OAuth client credentials, refresh, admin
 * login, forgeries.
 */
@IntegrationTest
class AuthIT {

    @LocalServerPort
    int port;

    @Autowired
    SigningKeys keys;

    IdentityClient client;

    @BeforeEach
    void client() {
        client = new IdentityClient(new TestHttp(port));
    }

    @Test
    void siteGetsATokenWithItsDomainAndSecret() {
        String accountId = client.createAccount("Token Co");
        Map<String, Object> site = client.createSite(accountId);

        HttpResponse<String> response = client.siteToken((String) site.get("domain"),
                (String) site.get("clientSecret"));

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> body = TestHttp.json(response);
        assertThat(body).containsOnlyKeys("token", "expiresIn", "tokenType")
            .containsEntry("expiresIn", 86400)
            .containsEntry("tokenType", "Bearer");
        Map<String, Object> claims = IdentityClient.claims((String) body.get("token"));
        assertThat(claims).containsEntry("siteId", site.get("id"))
            .containsEntry("accountId", accountId)
            .containsEntry("domain", site.get("domain"))
            .containsEntry("roles", List.of("SITE"))
            .containsEntry("iss", "data-forge")
            .containsKeys("sub", "iat", "exp", "jti");
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue())
            .isEqualTo(86400);
    }

    @Test
    void unknownDomainWrongSecretInactiveSiteAndInactiveAccountAllReadTheSame() {
        String accountId = client.createAccount("Probe Co");
        Map<String, Object> site = client.createSite(accountId);
        Map<String, Object> inactiveSite = client.createSite(accountId);
        patch("/admin/sites/" + inactiveSite.get("id"), "{\"isActive\":false}");
        String otherAccount = client.createAccount("Dormant Co");
        Map<String, Object> siteOfInactiveAccount = client.createSite(otherAccount);
        put("/admin/accounts/" + otherAccount, "{\"isActive\":false}");

        List<HttpResponse<String>> refusals = List.of(client.siteToken("no-such-domain.example", "whatever"),
                client.siteToken((String) site.get("domain"), "wrong-secret"),
                client.siteToken((String) inactiveSite.get("domain"), (String) inactiveSite.get("clientSecret")),
                client.siteToken((String) siteOfInactiveAccount.get("domain"),
                        (String) siteOfInactiveAccount.get("clientSecret")));

        assertThat(refusals).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(TestHttp.json(response)).containsEntry("message", "Invalid credentials")
                .containsKeys("timestamp", "status", "error", "path");
        });
    }

    @Test
    void repeatedFailuresThrottleTheDomainEvenForTheRightSecret() {
        Map<String, Object> site = client.createSite(client.createAccount("Throttled Co"));
        for (int i = 0; i < 5; i++) {
            assertThat(client.siteToken((String) site.get("domain"), "guess-" + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> blocked = client.siteToken((String) site.get("domain"), (String) site.get("clientSecret"));

        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After"))
            .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(TestHttp.json(blocked)).containsEntry("status", 429);
    }

    @Test
    void anApiClientIsThrottledTooAndASuccessClearsItsCount() {
        String accountId = client.createAccount("Guessed Co");
        Map<String, Object> apiClient = TestHttp.json(client.adminPost("/admin/accounts/" + accountId + "/clients",
                "{\"name\":\"guessed\",\"roles\":[\"VIEWER\"]}"));
        String id = (String) apiClient.get("clientId");
        String secret = (String) apiClient.get("clientSecret");
        for (int i = 0; i < 4; i++) {
            assertThat(clientToken(id, "guess-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(clientToken(id, secret).statusCode()).as("four failures, then the right secret").isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> refused = clientToken(id, "guess-again-" + i);
            assertThat(refused.statusCode()).as("counted afresh after the success").isEqualTo(401);
            assertThat(TestHttp.json(refused)).containsEntry("message", "Invalid credentials");
        }

        HttpResponse<String> blocked = clientToken(id, secret);

        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(TestHttp.json(blocked)).containsEntry("status", 429).containsEntry("code", "LOGIN_THROTTLED");
    }

    private HttpResponse<String> clientToken(String clientId, String secret) {
        return client.http.send(client.http.request("/api/v1/auth/token")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers
                .ofString("grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret)));
    }

    @Test
    void apiClientGetsAnOAuthTokenByFormOrBasic() {
        String accountId = client.createAccount("Api Co");
        Map<String, Object> apiClient = TestHttp.json(client.adminPost("/admin/accounts/" + accountId + "/clients",
                "{\"name\":\"reporting\",\"roles\":[\"VIEWER\",\"EXPORTER\"]}"));
        String form = "grant_type=client_credentials&client_id=" + apiClient.get("clientId") + "&client_secret="
                + apiClient.get("clientSecret");

        HttpResponse<String> byForm = client.http.send(client.http.request("/api/v1/auth/token")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(form)));
        HttpResponse<String> byBasic = client.http.send(client.http.request("/api/v1/auth/token")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Authorization",
                    IdentityClient.basic((String) apiClient.get("clientId"), (String) apiClient.get("clientSecret")))
            .POST(BodyPublishers.ofString("grant_type=client_credentials")));

        for (HttpResponse<String> response : List.of(byForm, byBasic)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
            Map<String, Object> body = TestHttp.json(response);
            assertThat(body).containsOnlyKeys("access_token", "token_type", "expires_in")
                .containsEntry("token_type", "Bearer");
            assertThat(IdentityClient.claims((String) body.get("access_token")))
                .containsEntry("clientId", apiClient.get("clientId"))
                .containsEntry("accountId", accountId)
                .containsEntry("roles", List.of("VIEWER", "EXPORTER"));
        }
    }

    @Test
    void aScopeNarrowsTheClientsTokenToTheRolesItNames() {
        String accountId = client.createAccount("Scoped Co");
        Map<String, Object> apiClient = TestHttp.json(client.adminPost("/admin/accounts/" + accountId + "/clients",
                "{\"name\":\"scoped\",\"roles\":[\"VIEWER\",\"EXPORTER\"]}"));
        String form = "grant_type=client_credentials&client_id=" + apiClient.get("clientId") + "&client_secret="
                + apiClient.get("clientSecret");

        HttpResponse<String> narrowed = client.http.send(client.http.request("/api/v1/auth/token")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(form + "&scope=VIEWER")));
        HttpResponse<String> beyond = client.http.send(client.http.request("/api/v1/auth/token")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(form + "&scope=VIEWER%20LOADER")));

        assertThat(narrowed.statusCode()).as(narrowed.body()).isEqualTo(200);
        Map<String, Object> body = TestHttp.json(narrowed);
        assertThat(body).containsEntry("scope", "VIEWER");
        assertThat(IdentityClient.claims((String) body.get("access_token"))).containsEntry("roles", List.of("VIEWER"));
        assertThat(beyond.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(beyond)).containsEntry("code", "invalid_scope").containsKeys("timestamp", "path");
    }

    @Test
    void refreshGivesAFreshTokenUntilTheSiteIsDeactivated() {
        Map<String, Object> site = client.createSite(client.createAccount("Refresh Co"));
        String token = client.siteBearer(site);

        HttpResponse<String> refreshed = client.withBearer("POST", "/api/v1/auth/refresh", token);
        assertThat(refreshed.statusCode()).isEqualTo(200);
        String fresh = (String) TestHttp.json(refreshed).get("token");
        assertThat(IdentityClient.claims(fresh).get("jti")).isNotEqualTo(IdentityClient.claims(token).get("jti"));
        assertThat(IdentityClient.claims(fresh)).containsEntry("siteId", site.get("id"));

        patch("/admin/sites/" + site.get("id"), "{\"isActive\":false}");
        assertThat(client.withBearer("POST", "/api/v1/auth/refresh", fresh).statusCode()).isEqualTo(401);
    }

    @Test
    void adminLogsInForAnAdminToken() {
        HttpResponse<String> response = client.http.send(client.http.request("/api/v1/auth/admin/token")
            .header("Authorization", IdentityClient.basic("admin", IntegrationTest.ADMIN_PASSWORD))
            .POST(BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(200);
        String token = (String) TestHttp.json(response).get("token");
        assertThat(IdentityClient.claims(token)).containsEntry("roles", List.of("ADMIN"));

        assertThat(client.withBearer("GET", "/admin/accounts", token).statusCode()).isEqualTo(200);
        assertThat(client.http
            .send(client.http.request("/api/v1/auth/admin/token")
                .header("Authorization", IdentityClient.basic("admin", "nope"))
                .POST(BodyPublishers.noBody()))
            .statusCode()).isEqualTo(401);
    }

    @Test
    void wrongRoleIs403AndNoTokenIs401() {
        String siteToken = client.siteBearer(client.createSite(client.createAccount("Role Co")));

        assertThat(client.withBearer("GET", "/admin/accounts", siteToken).statusCode()).isEqualTo(403);
        assertThat(client.withBearer("GET", "/actuator/prometheus", siteToken).statusCode()).isEqualTo(403);
        assertThat(client.withBearer("GET", "/actuator/hawtio/", siteToken).statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = client.http.get("/admin/accounts");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(TestHttp.json(anonymous)).containsKeys("timestamp", "status", "error", "message", "path");
    }

    @Test
    void forgedExpiredAndForeignTokensAre401() throws Exception {
        JWTClaimsSet admin = new JWTClaimsSet.Builder().issuer("data-forge")
            .subject("admin:mallory")
            .claim("roles", List.of("ADMIN"))
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
            .jwtID(UUID.randomUUID().toString())
            .build();
        String unsigned = new PlainJWT(admin).serialize();
        String otherKey = sign(admin, new byte[32]);
        String expired = sign(new JWTClaimsSet.Builder(admin).issueTime(Date.from(Instant.now().minusSeconds(7200)))
            .expirationTime(Date.from(Instant.now().minusSeconds(3600)))
            .build(), keys.signingKey().getEncoded());
        String foreignIssuer = sign(new JWTClaimsSet.Builder(admin).issuer("someone-else").build(),
                keys.signingKey().getEncoded());
        String genuine = sign(admin, keys.signingKey().getEncoded());

        for (String token : List.of(unsigned, otherKey, expired, foreignIssuer, "not.a.jwt")) {
            HttpResponse<String> response = client.withBearer("GET", "/admin/accounts", token);
            assertThat(response.statusCode()).as(token).isEqualTo(401);
            assertThat(TestHttp.json(response)).containsEntry("status", 401);
        }
        assertThat(client.withBearer("GET", "/admin/accounts", genuine).statusCode()).as("control").isEqualTo(200);
    }

    private static String sign(JWTClaimsSet claims, byte[] key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    private void patch(String path, String json) {
        HttpResponse<String> response = client.http.send(client.http.asAdmin(path)
            .header("Content-Type", "application/json")
            .method("PATCH", BodyPublishers.ofString(json)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private void put(String path, String json) {
        HttpResponse<String> response = client.http.send(client.http.asAdmin(path)
            .header("Content-Type", "application/json")
            .PUT(BodyPublishers.ofString(json)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

}
