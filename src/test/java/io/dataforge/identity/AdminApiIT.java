package io.dataforge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Accounts, sites and API clients managed over HTTP by an admin, with their rules and
 * cascades.
 */
@IntegrationTest
class AdminApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    IdentityClient client;

    @BeforeEach
    void client() {
        client = new IdentityClient(new TestHttp(port));
    }

    @Test
    void accountIsCreatedOnceByEmailWhateverItsCase() {
        String email = UUID.randomUUID() + "@Example.com";

        HttpResponse<String> created = client.adminPost("/admin/accounts",
                "{\"email\":\"" + email + "\",\"name\":\"Acme\"}");
        HttpResponse<String> again = client.adminPost("/admin/accounts",
                "{\"email\":\"" + email.toUpperCase() + "\",\"name\":\"Acme again\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(TestHttp.json(created)).containsEntry("email", email)
            .containsEntry("name", "Acme")
            .containsEntry("isActive", true)
            .containsKeys("id", "createdAt");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(TestHttp.json(again)).containsEntry("status", 409).containsKey("message");
    }

    @Test
    void invalidAccountRequestsAre400() {
        for (String body : List.of("{\"email\":\"not-an-email\",\"name\":\"X\"}", "{\"email\":\"a@b.example\"}",
                "{\"email\":\"a@b.example\",\"name\":\"\"}", "{\"email\":42,\"name\":\"X\"}", "{broken", "[]", "")) {
            HttpResponse<String> response = client.adminPost("/admin/accounts", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(TestHttp.json(response)).containsKeys("timestamp", "status", "error", "message", "path");
        }
    }

    @Test
    void accountsArePagedAndSortedByWhitelistedFields() {
        String prefix = "zz-page-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        for (String suffix : List.of("c", "a", "b")) {
            client.createAccount(prefix + suffix);
        }

        Map<String, Object> page = TestHttp.json(client.adminGet("/admin/accounts?page=0&size=2&sort=name,desc"));

        assertThat(page).containsKeys("content", "page", "size", "totalElements", "totalPages")
            .containsEntry("page", 0)
            .containsEntry("size", 2);
        long total = ((Number) page.get("totalElements")).longValue();
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(((Number) page.get("totalPages")).longValue()).isEqualTo((total + 1) / 2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> content = (List<Map<String, Object>>) page.get("content");
        assertThat(content).hasSize(2);
        assertThat((String) content.get(0).get("name")).isGreaterThanOrEqualTo((String) content.get(1).get("name"));
        for (String bad : List.of("sort=password,asc", "sort=name,sideways", "sort=name;drop table accounts", "page=-1",
                "size=0", "size=5000", "page=abc")) {
            assertThat(client.adminGet("/admin/accounts?" + bad.replace(" ", "%20")).statusCode()).as(bad)
                .isEqualTo(400);
        }
    }

    @Test
    void accountDetailUpdateStatsAndUnknownIds() {
        String id = client.createAccount("Detail Co");
        client.createSite(id);
        client.createSite(id);

        assertThat(TestHttp.json(client.adminGet("/admin/accounts/" + id))).containsEntry("sitesCount", 2);
        HttpResponse<String> renamed = client.http.send(client.http.asAdmin("/admin/accounts/" + id)
            .header("Content-Type", "application/json")
            .PUT(BodyPublishers.ofString("{\"name\":\"Renamed Co\"}")));
        assertThat(TestHttp.json(renamed)).containsEntry("name", "Renamed Co").containsEntry("isActive", true);
        assertThat(TestHttp.json(client.adminGet("/admin/accounts/" + id + "/stats"))).containsEntry("sitesCount", 2)
            .containsEntry("activeSites", 2);
        assertThat(client.adminGet("/admin/accounts/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(client.adminGet("/admin/accounts/not-a-uuid").statusCode()).isEqualTo(404);
    }

    @Test
    void deletingAnAccountDeactivatesItsSitesAndRefusesTheirTokens() {
        String id = client.createAccount("Closing Co");
        Map<String, Object> site = client.createSite(id);
        String token = client.siteBearer(site);

        HttpResponse<String> deleted = client.http.send(client.http.asAdmin("/admin/accounts/" + id).DELETE());

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(client.adminGet("/admin/accounts/" + id).statusCode()).isEqualTo(404);
        assertThat(TestHttp.json(client.adminGet("/admin/sites/" + site.get("id")))).containsEntry("isActive", false);
        assertThat(client.siteToken((String) site.get("domain"), (String) site.get("clientSecret")).statusCode())
            .isEqualTo(401);
        assertThat(client.withBearer("POST", "/api/v1/auth/refresh", token).statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM admin_audit WHERE action = 'account.deleted' AND target_id = ?", Long.class, id))
            .isEqualTo(1);
    }

    @Test
    void siteDomainsAreUniqueAndHostLike() {
        String id = client.createAccount("Domain Co");
        Map<String, Object> site = client.createSite(id);
        String other = client.createAccount("Other Co");

        HttpResponse<String> duplicate = client.adminPost("/admin/accounts/" + other + "/sites",
                "{\"domain\":\"" + ((String) site.get("domain")).toUpperCase() + "\",\"displayName\":\"Copy\"}");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        for (String domain : List.of("a/b", "..", "has space", "ctl\\u0001x", "-leading", "x..y", "a".repeat(300))) {
            HttpResponse<String> response = client.adminPost("/admin/accounts/" + id + "/sites",
                    "{\"domain\":\"" + domain + "\",\"displayName\":\"Bad\"}");
            assertThat(response.statusCode()).as(domain).isEqualTo(400);
        }
        assertThat(client
            .adminPost("/admin/accounts/" + UUID.randomUUID() + "/sites",
                    "{\"domain\":\"fine.example\",\"displayName\":\"Orphan\"}")
            .statusCode()).isEqualTo(404);
    }

    @Test
    void siteSecretIsShownOnceStoredHashedAndRotatable() {
        Map<String, Object> site = client.createSite(client.createAccount("Secret Co"));
        String secret = (String) site.get("clientSecret");

        assertThat(secret).hasSizeGreaterThanOrEqualTo(22);
        assertThat(client.adminGet("/admin/sites/" + site.get("id")).body()).doesNotContain(secret);
        assertThat(
                jdbc.queryForObject("SELECT secret_hash FROM sites WHERE id = ?::uuid", String.class, site.get("id")))
            .isNotEqualTo(secret)
            .hasSize(64);

        Map<String, Object> rotated = TestHttp.json(client.http
            .send(client.http.asAdmin("/admin/sites/" + site.get("id") + "/secret").POST(BodyPublishers.noBody())));
        String newSecret = (String) rotated.get("clientSecret");

        assertThat(newSecret).isNotEqualTo(secret);
        assertThat(client.siteToken((String) site.get("domain"), secret).statusCode()).isEqualTo(401);
        assertThat(client.siteToken((String) site.get("domain"), newSecret).statusCode()).isEqualTo(200);
    }

    @Test
    void siteCanBeDeactivatedReactivatedAndDeleted() {
        String accountId = client.createAccount("Lifecycle Co");
        Map<String, Object> site = client.createSite(accountId);
        String path = "/admin/sites/" + site.get("id");

        assertThat(patch(path, "{\"isActive\":false}").statusCode()).isEqualTo(200);
        assertThat(client.siteToken((String) site.get("domain"), (String) site.get("clientSecret")).statusCode())
            .isEqualTo(401);
        assertThat(TestHttp.json(patch(path, "{\"isActive\":true,\"displayName\":\"Back\"}")))
            .containsEntry("isActive", true)
            .containsEntry("displayName", "Back");
        assertThat(client.siteToken((String) site.get("domain"), (String) site.get("clientSecret")).statusCode())
            .isEqualTo(200);
        assertThat(patch(path, "{\"isActive\":\"yes\"}").statusCode()).isEqualTo(400);
        assertThat(patch(path, "{\"isActive\":\"false\"}").statusCode()).as("text is not a boolean").isEqualTo(400);
        assertThat(TestHttp.json(patch(path, "{\"isActive\":1}"))).containsEntry("message",
                "isActive has the wrong type");

        assertThat(client.http.send(client.http.asAdmin(path).DELETE()).statusCode()).isEqualTo(204);
        assertThat(client.adminGet(path).statusCode()).isEqualTo(404);
        assertThat(TestHttp.json(client.adminGet("/admin/accounts/" + accountId + "/sites")))
            .containsEntry("totalElements", 0);
    }

    @Test
    void apiClientsGetDataRolesOnlyAndCanBeRotatedAndDeactivated() {
        String accountId = client.createAccount("Clients Co");
        assertThat(client
            .adminPost("/admin/accounts/" + accountId + "/clients", "{\"name\":\"root\",\"roles\":[\"ADMIN\"]}")
            .statusCode()).isEqualTo(400);
        assertThat(client.adminPost("/admin/accounts/" + accountId + "/clients", "{\"name\":\"none\",\"roles\":[]}")
            .statusCode()).isEqualTo(400);
        Map<String, Object> created = TestHttp.json(client.adminPost("/admin/accounts/" + accountId + "/clients",
                "{\"name\":\"loader\",\"roles\":[\"LOADER\"]}"));
        String path = "/admin/clients/" + created.get("id");

        assertThat(created).containsKeys("clientId", "clientSecret").containsEntry("roles", List.of("LOADER"));
        assertThat(TestHttp.json(client.adminGet("/admin/accounts/" + accountId + "/clients")))
            .containsEntry("totalElements", 1);
        String rotatedSecret = (String) TestHttp
            .json(client.http.send(client.http.asAdmin(path + "/secret").POST(BodyPublishers.noBody())))
            .get("clientSecret");
        assertThat(clientToken((String) created.get("clientId"), (String) created.get("clientSecret")).statusCode())
            .isEqualTo(401);
        assertThat(clientToken((String) created.get("clientId"), rotatedSecret).statusCode()).isEqualTo(200);
        assertThat(patch(path, "{\"isActive\":false}").statusCode()).isEqualTo(200);
        assertThat(clientToken((String) created.get("clientId"), rotatedSecret).statusCode()).isEqualTo(401);
        assertThat(client.http.send(client.http.asAdmin(path).DELETE()).statusCode()).isEqualTo(204);
        assertThat(client.adminGet(path).statusCode()).isEqualTo(404);
    }

    @Test
    void everyAdminChangeIsAudited() {
        String accountId = client.createAccount("Audited Co");
        Map<String, Object> site = client.createSite(accountId);
        patch("/admin/sites/" + site.get("id"), "{\"displayName\":\"Audited store\"}");

        List<String> actions = jdbc.queryForList("SELECT action FROM admin_audit WHERE target_id IN (?, ?) ORDER BY id",
                String.class, accountId, site.get("id"));

        assertThat(actions).containsExactly("account.created", "site.created", "site.updated");
        assertThat(jdbc.queryForObject("SELECT DISTINCT actor FROM admin_audit WHERE target_id = ?", String.class,
                accountId))
            .isEqualTo("admin");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM admin_audit WHERE details::text LIKE ?", Long.class,
                "%" + site.get("clientSecret") + "%"))
            .isZero();
    }

    private HttpResponse<String> patch(String path, String json) {
        return client.http.send(client.http.asAdmin(path)
            .header("Content-Type", "application/json")
            .method("PATCH", BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> clientToken(String clientId, String secret) {
        return client.http.send(client.http.request("/api/v1/auth/token")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers
                .ofString("grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret)));
    }

}
