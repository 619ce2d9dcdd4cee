package io.dataforge.datasets.subjects;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;
import io.dataforge.identity.IdentityClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A data subject's rows exported and erased across datasets: orders (pii blanked on
 * erasure), visits (deleted) and devices (a uuid subject an email never matches), with
 * rows of the subject, of another subject, and of the same subject in another tenant.
 */
@IntegrationTest
class SubjectRequestsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    TestHttp http;

    String orders;

    String visits;

    String devices;

    String tenant;

    String otherTenant;

    String ann;

    String bob;

    @BeforeEach
    void declareDatasetsAndLoadRows() {
        http = new TestHttp(port);
        IdentityClient identity = new IdentityClient(http);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        orders = "subject_orders_" + suffix;
        visits = "subject_visits_" + suffix;
        devices = "subject_devices_" + suffix;
        ann = "ann-" + suffix + "@example.com";
        bob = "bob-" + suffix + "@example.com";
        tenant = identity.createAccount("Subjects " + suffix);
        otherTenant = identity.createAccount("Other subjects " + suffix);
        declare(orders, """
                {"columns": [{"name": "order_id", "type": "integer", "required": true},
                             {"name": "total", "type": "numeric(12,2)", "required": true},
                             {"name": "email", "type": "text", "pii": true},
                             {"name": "name", "type": "text", "pii": true}],
                 "subject": "email", "erasure": "blank"}""");
        declare(visits, """
                {"columns": [{"name": "email", "type": "text", "required": true},
                             {"name": "page", "type": "text"},
                             {"name": "ip", "type": "text", "pii": true}],
                 "subject": "email", "erasure": "delete"}""");
        declare(devices, """
                {"columns": [{"name": "device_id", "type": "uuid", "required": true},
                             {"name": "model", "type": "text"}],
                 "subject": "device_id"}""");
        for (String owner : List.of(tenant, otherTenant)) {
            int base = owner.equals(tenant) ? 0 : 100;
            order(owner, base + 1, ann, "Ann");
            order(owner, base + 2, ann, "Ann");
            order(owner, base + 3, bob, "Bob");
            visit(owner, ann, "/home");
            visit(owner, bob, "/cart");
            jdbc.update("INSERT INTO datasets." + devices + " (tenant_id, upload_id, device_id, model)"
                    + " VALUES (?::uuid, gen_random_uuid(), gen_random_uuid(), 'phone')", owner);
        }
    }

    @Test
    void anAdminWithoutPiiReaderGetsTheSubjectsRowsOfEveryDatasetWithPiiMasked() throws Exception {
        HttpResponse<String> response = post("/admin/subjects/export", body(tenant, ann));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        Map<String, Object> export = TestHttp.json(response);
        assertThat(export).containsEntry("tenantId", tenant).containsKey("exportedAt");
        assertThat(rows(export, orders)).containsExactly(
                Map.of("order_id", 1, "total", 12.5, "email", "***", "name", "***"),
                Map.of("order_id", 2, "total", 12.5, "email", "***", "name", "***"));
        assertThat(rows(export, visits)).as("a subject column not declared pii is not masked")
            .containsExactly(Map.of("email", ann, "page", "/home", "ip", "***"));
        assertThat(rows(export, devices)).as("an email is no uuid: no rows, no error").isEmpty();
        assertThat(dataset(export, orders)).containsEntry("subjectColumn", "email");
    }

    @Test
    void erasureBlanksOrDeletesOnlyTheSubjectsRowsOfThatTenant() {
        HttpResponse<String> response = post("/admin/subjects/erase", body(tenant, ann));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> report = TestHttp.json(response);
        assertThat(report).containsEntry("tenantId", tenant).containsEntry("dryRun", false).containsKey("erasedAt");
        assertThat(erased(report)).containsEntry(orders, "blanked 2")
            .containsEntry(visits, "deleted 1")
            .containsEntry(devices, "deleted 0");
        assertThat(jdbc.queryForList("SELECT order_id || ':' || total || ':' || coalesce(email, 'NULL') || ':'"
                + " || coalesce(name, 'NULL') FROM datasets." + orders + " WHERE tenant_id = ?::uuid ORDER BY order_id",
                String.class, tenant))
            .containsExactly("1:12.50:NULL:NULL", "2:12.50:NULL:NULL", "3:12.50:" + bob + ":Bob");
        assertThat(jdbc.queryForList("SELECT email FROM datasets." + visits + " WHERE tenant_id = ?::uuid",
                String.class, tenant))
            .containsExactly(bob);
        assertThat(count(orders, otherTenant, ann)).as("the other tenant's Ann").isEqualTo(2);
        assertThat(count(visits, otherTenant, ann)).isEqualTo(1);
        Map<String, Object> again = TestHttp.json(post("/admin/subjects/export", body(tenant, ann)));
        assertThat(rows(again, orders)).isEmpty();
        assertThat(rows(again, visits)).isEmpty();
    }

    @Test
    void aDryRunCountsAndChangesNothing() {
        HttpResponse<String> response = post("/admin/subjects/erase",
                "{\"tenantId\": \"" + tenant + "\", \"value\": \"" + ann + "\", \"dryRun\": true}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(TestHttp.json(response)).containsEntry("dryRun", true);
        assertThat(erased(TestHttp.json(response))).containsEntry(orders, "blanked 2")
            .containsEntry(visits, "deleted 1");
        assertThat(count(orders, tenant, ann)).isEqualTo(2);
        assertThat(count(visits, tenant, ann)).isEqualTo(1);
    }

    @Test
    void bothAreAuditedWithTheValuesHashNeverTheValue() {
        post("/admin/subjects/export", body(tenant, ann));
        post("/admin/subjects/erase", body(tenant, ann));

        List<Map<String, Object>> audited = jdbc.queryForList(
                "SELECT actor, action, target_type, details::text AS details FROM admin_audit WHERE target_id = ?"
                        + " AND action LIKE 'subject.%' ORDER BY id",
                tenant);
        assertThat(audited).extracting(row -> row.get("action")).containsExactly("subject.export", "subject.erase");
        assertThat(audited).allSatisfy(row -> {
            assertThat(row).containsEntry("actor", "admin").containsEntry("target_type", "account");
            assertThat((String) row.get("details")).contains(io.dataforge.platform.text.Sha256.hex(ann))
                .contains("\"" + orders + "\": 2")
                .doesNotContain(ann)
                .doesNotContain("ann-");
        });
        assertThat((String) audited.get(0).get("details")).contains("\"piiInClear\": false");
    }

    @Test
    void anSqlLookingValueMatchesNothingAndErasesNothing() {
        String injection = "x' OR '1'='1";

        Map<String, Object> export = TestHttp.json(post("/admin/subjects/export", body(tenant, injection)));
        Map<String, Object> report = TestHttp.json(post("/admin/subjects/erase", body(tenant, injection)));

        assertThat(rows(export, orders)).isEmpty();
        assertThat(rows(export, visits)).isEmpty();
        assertThat(erased(report)).containsEntry(orders, "blanked 0").containsEntry(visits, "deleted 0");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM datasets." + orders + " WHERE email IS NOT NULL",
                Integer.class))
            .isEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM datasets." + visits, Integer.class)).isEqualTo(4);
    }

    @Test
    void badRequestsAnswerTheStandardErrorBody() {
        Map<String, Integer> statuses = Map.of(body(tenant, " "), 400, "{\"tenantId\": \"" + tenant + "\"}", 400,
                body("not-a-uuid", ann), 400, body("1-2-3-4-5", ann), 400, body(UUID.randomUUID().toString(), ann), 404,
                "[1]", 400);

        statuses.forEach((request, status) -> {
            for (String path : List.of("/admin/subjects/export", "/admin/subjects/erase")) {
                HttpResponse<String> response = post(path, request);
                assertThat(response.statusCode()).as(path + " " + request + ": " + response.body()).isEqualTo(status);
                assertThat(TestHttp.json(response)).as(request)
                    .containsKeys("timestamp", "status", "error", "message", "path")
                    .containsEntry("path", path);
            }
        });
        assertThat(count(visits, tenant, ann)).isEqualTo(1);
    }

    @Test
    void onlyAdminsMayAsk() {
        HttpResponse<String> anonymous = http.send(http.request("/admin/subjects/export")
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body(tenant, ann))));

        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private void declare(String name, String declaration) {
        HttpResponse<String> response = http.send(http.asAdmin("/admin/datasets/" + name)
            .header("Content-Type", "application/json")
            .PUT(BodyPublishers.ofString(declaration)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private void order(String owner, int id, String email, String name) {
        jdbc.update("INSERT INTO datasets." + orders + " (tenant_id, upload_id, order_id, total, email, name)"
                + " VALUES (?::uuid, gen_random_uuid(), ?, 12.5, ?, ?)", owner, id, email, name);
    }

    private void visit(String owner, String email, String page) {
        jdbc.update("INSERT INTO datasets." + visits + " (tenant_id, upload_id, email, page, ip)"
                + " VALUES (?::uuid, gen_random_uuid(), ?, ?, '192.0.2.1')", owner, email, page);
    }

    private int count(String dataset, String owner, String email) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM datasets." + dataset + " WHERE tenant_id = ?::uuid AND email = ?", Integer.class,
                owner, email);
    }

    private HttpResponse<String> post(String path, String json) {
        return http
            .send(http.asAdmin(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
    }

    private static String body(String tenantId, String value) {
        try {
            return new ObjectMapper().writeValueAsString(Map.of("tenantId", tenantId, "value", value));
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dataset(Map<String, Object> export, String name) {
        return ((List<Map<String, Object>>) export.get("datasets")).stream()
            .filter(d -> name.equals(d.get("dataset")))
            .findFirst()
            .orElseThrow(() -> new AssertionError(name + " not in " + export));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> export, String name) {
        return (List<Map<String, Object>>) dataset(export, name).get("rows");
    }

    /** dataset -> "action rows". */
    @SuppressWarnings("unchecked")
    private static Map<String, String> erased(Map<String, Object> report) {
        Map<String, String> erased = new java.util.HashMap<>();
        ((List<Map<String, Object>>) report.get("datasets"))
            .forEach(d -> erased.put((String) d.get("dataset"), d.get("action") + " " + d.get("rows")));
        return erased;
    }

}
