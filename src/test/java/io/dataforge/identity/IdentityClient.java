package io.dataforge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;

/** What an admin and a site client do over HTTP, as steps for the identity ITs. */
public final class IdentityClient {

    public final TestHttp http;

    public IdentityClient(TestHttp http) {
        this.http = http;
    }

    public HttpResponse<String> adminPost(String path, String json) {
        return http
            .send(http.asAdmin(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> adminGet(String path) {
        return http.send(http.asAdmin(path).GET());
    }

    public String createAccount(String name) {
        HttpResponse<String> created = adminPost("/admin/accounts",
                "{\"email\":\"" + UUID.randomUUID() + "@example.com\",\"name\":\"" + name + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return (String) TestHttp.json(created).get("id");
    }

    /** Creates a site and returns {id, domain, clientSecret}. */
    public Map<String, Object> createSite(String accountId) {
        String domain = "store-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        HttpResponse<String> created = adminPost("/admin/accounts/" + accountId + "/sites",
                "{\"domain\":\"" + domain + "\",\"displayName\":\"Store\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return TestHttp.json(created);
    }

    /** An admin token from the first admin's password. */
    public String adminToken() {
        HttpResponse<String> response = http.send(http.request("/api/v1/auth/admin/token")
            .header("Authorization", basic("admin", IntegrationTest.ADMIN_PASSWORD))
            .POST(BodyPublishers.noBody()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (String) TestHttp.json(response).get("token");
    }

    public HttpResponse<String> siteToken(String domain, String secret) {
        return http.send(http.request("/api/v1/auth/token")
            .header("Authorization", basic(domain, secret))
            .POST(BodyPublishers.noBody()));
    }

    public String siteBearer(Map<String, Object> site) {
        HttpResponse<String> token = siteToken((String) site.get("domain"), (String) site.get("clientSecret"));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return (String) TestHttp.json(token).get("token");
    }

    public HttpResponse<String> withBearer(String method, String path, String token) {
        return http.send(
                http.request(path).header("Authorization", "Bearer " + token).method(method, BodyPublishers.noBody()));
    }

    public static String basic(String name, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** The claims of a JWT, read without checking it (the server did). */
    public static Map<String, Object> claims(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return TestHttp.json(payload);
    }

}
