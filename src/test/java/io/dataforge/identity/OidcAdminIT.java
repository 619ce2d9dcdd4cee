package io.dataforge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * With an OIDC issuer configured, its tokens carrying the admin role are accepted as
 * ADMIN, beside our own. The issuer is a small real HTTP server here (discovery document
 * and JWKS, as Keycloak serves them); the application runs in a context of its own
 * because the issuer is part of its configuration.
 */
@IntegrationTest
// a context of its own, closed after this class: left running it would compete with
// the shared context for the watch lock and the queues (and take the watched folder
// from it when it started first); it also serves the API document to admins only
@DirtiesContext
@TestPropertySource(properties = { "spring.jmx.unique-names=true", "camel.main.name=data-forge-oidc-it",
        "dataforge.watch.dir=", "dataforge.web.docs-public=false" })
class OidcAdminIT {

    private static final RSAKey KEY = rsaKey();

    private static final HttpServer ISSUER = startIssuer();

    private static final String ISSUER_URI = "http://127.0.0.1:" + ISSUER.getAddress().getPort() + "/realms/forge";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("dataforge.security.oidc.issuer-uri", () -> ISSUER_URI);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.stop(0);
    }

    @Test
    void withDocsPublicOffTheApiDocumentIsForAdminsOnly() {
        TestHttp http = new TestHttp(port);

        HttpResponse<String> anonymous = http.get("/docs/swagger/v1/swagger.json");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(TestHttp.json(anonymous)).containsKeys("timestamp", "status", "error", "message", "path");
        assertThat(http.send(http.asAdmin("/docs/swagger/v1/swagger.json")).body()).contains("\"operationId\"");
    }

    @Test
    void issuerAdminTokenIsAnAdminAndOtherRolesAreNot() throws Exception {
        TestHttp http = new TestHttp(port);

        String admin = token(KEY, ISSUER_URI, List.of("admin", "offline_access"));
        String user = token(KEY, ISSUER_URI, List.of("offline_access"));
        String forged = token(rsaKey(), ISSUER_URI, List.of("admin"));
        String otherIssuer = token(KEY, "http://127.0.0.1:1/realms/other", List.of("admin"));

        assertThat(http.send(http.request("/admin/accounts").header("Authorization", "Bearer " + admin)).statusCode())
            .isEqualTo(200);
        assertThat(http.send(http.request("/admin/accounts").header("Authorization", "Bearer " + user)).statusCode())
            .isEqualTo(403);
        assertThat(http.send(http.request("/admin/accounts").header("Authorization", "Bearer " + forged)).statusCode())
            .isEqualTo(401);
        assertThat(http.send(http.request("/admin/accounts").header("Authorization", "Bearer " + otherIssuer))
            .statusCode()).isEqualTo(401);
    }

    @Test
    void ourOwnTokensStillWorkBesideTheIssuer() {
        TestHttp http = new TestHttp(port);
        var login = http.send(http.request("/api/v1/auth/admin/token")
            .header("Authorization", IdentityClient.basic("admin", IntegrationTest.ADMIN_PASSWORD))
            .POST(BodyPublishers.noBody()));
        String ours = (String) TestHttp.json(login).get("token");

        assertThat(http.send(http.request("/admin/accounts").header("Authorization", "Bearer " + ours)).statusCode())
            .isEqualTo(200);
    }

    private static String token(RSAKey key, String issuer, List<String> roles) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
            .subject(UUID.randomUUID().toString())
            .claim("realm_access", Map.of("roles", roles))
            .claim("preferred_username", "keycloak-admin")
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(300)))
            .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer startIssuer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/realms/forge/.well-known/openid-configuration", exchange -> {
                String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/forge";
                reply(exchange, "{\"issuer\":\"" + base + "\",\"jwks_uri\":\"" + base
                        + "/protocol/openid-connect/certs\","
                        + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
            });
            server.createContext("/realms/forge/protocol/openid-connect/certs",
                    exchange -> reply(exchange, new JWKSet(KEY.toPublicJWK()).toString()));
            server.start();
            return server;
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

}
