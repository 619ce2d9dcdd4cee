package io.dataforge.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;
import io.dataforge.WorkerProcess;
import io.dataforge.batches.BatchClient;
import io.dataforge.export.ExportClient;
import io.dataforge.identity.IdentityClient;
import io.dataforge.load.UploadClient;
import io.dataforge.platform.storage.ObjectStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Purging a soft-deleted tenant, over the API and with the command in a child JVM killed
 * half-way and run again: afterwards no table (but the audit trail and the purge record)
 * and no object holds anything of it, and the other tenant is untouched.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PurgeIT {

    /**
     * Tables that keep a purged tenant's id on purpose: the audit trail and the purge
     * record.
     */
    /** Rows of each tenant's upload that load; one more fails, under the 10 % allowed. */
    private static final int GOOD_ROWS = 20;

    private static final List<String> KEPT = List.of("admin_audit", "audit_log", "purges");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectStore store;

    @Autowired
    Environment env;

    @Autowired
    AmqpAdmin amqp;

    TestHttp http;

    IdentityClient identity;

    String dataset;

    Tenant other;

    record Tenant(String id, List<String> uploads) {
    }

    @BeforeAll
    void datasetAndAnotherTenant() {
        http = new TestHttp(port);
        identity = new IdentityClient(http);
        dataset = new UploadClient(identity, null).dataset("{\"columns\": [{\"name\": \"sku\", \"type\": \"text\","
                + " \"required\": true}, {\"name\": \"qty\", \"type\": \"integer\"},"
                + " {\"name\": \"email\", \"type\": \"text\", \"pii\": true}]}");
        other = seed(0);
    }

    @Test
    void apiPurgeDeletesEverythingOfTheTenantAndNothingElse() {
        Tenant tenant = seed(0);
        Map<String, Long> otherBefore = footprint(other);

        HttpResponse<String> live = identity.adminPost("/admin/accounts/" + tenant.id() + "/purge", "");
        assertThat(live.statusCode()).as(live.body()).isEqualTo(409);
        assertThat(TestHttp.json(live)).containsKeys("timestamp", "status", "error", "message", "path")
            .containsEntry("code", "ACCOUNT_ACTIVE");
        assertThat(identity.adminPost("/admin/accounts/" + UUID.randomUUID() + "/purge", "").statusCode())
            .isEqualTo(404);

        softDelete(tenant);
        String email = jdbc.queryForObject("SELECT email FROM accounts WHERE id = ?::uuid", String.class, tenant.id());
        Map<String, Object> preview = TestHttp
            .json(identity.adminGet("/admin/accounts/" + tenant.id() + "/purge-preview"));
        assertThat((Map<String, Object>) preview.get("counts")).containsEntry("datasetRows", GOOD_ROWS)
            .containsEntry("uploads", 1)
            .containsEntry("rowErrors", 1)
            .containsKey("stagedFiles") // a loaded upload's staged file is gone already
            .containsEntry("batches", 1)
            .containsEntry("batchFiles", 1)
            .containsEntry("batchObjects", 1)
            .containsEntry("errorLogs", 1)
            .containsEntry("exportJobs", 1)
            .containsEntry("exportFiles", 1)
            .containsEntry("loadRules", 1)
            .containsEntry("webhookKeys", 1)
            .containsEntry("sites", 1)
            .containsEntry("accounts", 1);

        HttpResponse<String> ordered = identity.adminPost("/admin/accounts/" + tenant.id() + "/purge", "");
        assertThat(ordered.statusCode()).as(ordered.body()).isEqualTo(202);
        String location = ordered.headers().firstValue("Location").orElseThrow();
        assertThat(identity.adminPost("/admin/accounts/" + tenant.id() + "/purge", "").body())
            .as("a second order is the same purge")
            .contains((String) TestHttp.json(ordered).get("id"));
        Map<String, Object>[] purge = new Map[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            purge[0] = TestHttp.json(identity.adminGet(location));
            return "completed".equals(purge[0].get("state"));
        });

        assertThat(purge[0]).containsEntry("via", "api").containsEntry("requestedBy", "admin");
        Map<String, Object> counts = (Map<String, Object>) purge[0].get("counts");
        assertThat(counts).as("what the preview said, deleted")
            .containsAllEntriesOf((Map<String, Object>) preview.get("counts"));
        assertNothingLeftOf(tenant);
        assertThat(footprint(other)).as("the other tenant").isEqualTo(otherBefore);
        assertThat(jdbc.queryForList("SELECT action FROM admin_audit WHERE target_id = ? ORDER BY id", String.class,
                tenant.id()))
            .contains("account.purge", "account.purged");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM admin_audit WHERE details::text ILIKE ?", Long.class,
                "%" + email + "%"))
            .as("the audit trail that stays holds no personal data of the account (its email only as a hash)")
            .isZero();
        HttpResponse<String> again = identity.adminPost("/admin/accounts/" + tenant.id() + "/purge", "");
        assertThat(again.statusCode()).as("ordered again once done: the purge that did it").isEqualTo(200);
    }

    @Test
    void commandKilledHalfWayFinishesWhenRunAgain() throws Exception {
        int extraRows = 30_000;
        Tenant tenant = seed(extraRows);
        Map<String, Long> otherBefore = footprint(other);
        softDelete(tenant);
        long rows = jdbc.queryForObject("SELECT count(*) FROM datasets." + dataset + " WHERE tenant_id = ?::uuid",
                Long.class, tenant.id());

        Path root = Path.of("target/purge-cli").resolve(tenant.id());
        try (WorkerProcess cli = new WorkerProcess(env, root, "dataforge.purge-cli-" + tenant.id(),
                Map.of("DATAFORGE_PRIVACY_PURGE_CHUNK", "100"))) {
            cli.launch("purge", "--account", tenant.id());
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20)).until(() -> {
                assertThat(cli.running()).as("still running, see " + root).isTrue();
                return deletedRows(tenant) > 0;
            });
            cli.kill();
            long deletedBeforeKill = deletedRows(tenant);
            assertThat(deletedBeforeKill).as("killed half-way").isLessThan(rows);
            assertThat(jdbc.queryForObject("SELECT state FROM purges WHERE account_id = ?::uuid", String.class,
                    tenant.id()))
                .isEqualTo("running");

            cli.launch("purge", "--account", tenant.id());
            assertThat(cli.awaitExit(Duration.ofSeconds(120))).as(cli.log()).isZero();
            // the purge is the JSON line it printed (the log goes on while it shuts down)
            List<String> printed = cli.log().lines().filter(line -> line.startsWith("{")).toList();
            Map<String, Object> purge = TestHttp.json(printed.get(printed.size() - 1));
            assertThat(purge).containsEntry("state", "completed").containsEntry("via", "cli");
            Map<String, Object> counts = (Map<String, Object>) purge.get("counts");
            assertThat(((Number) counts.get("datasetRows")).longValue()).as("every row counted once, across the kill")
                .isEqualTo(rows);
            assertThat(counts).containsEntry("uploads", 1).containsEntry("batches", 1).containsEntry("accounts", 1);
            cli.close(amqp);
        }
        assertNothingLeftOf(tenant);
        assertThat(footprint(other)).as("the other tenant").isEqualTo(otherBefore);
    }

    /**
     * A tenant with a batch file, an error report, a loaded upload with a row error, an
     * export, rules and a key.
     */
    private Tenant seed(int extraRows) {
        String account = identity.createAccount("Purge Co " + UUID.randomUUID());
        BatchClient site = BatchClient.forAccount(identity, account);
        String batchId = site.start();
        assertThat(site.upload(batchId, Map.of("sales.csv.gz", BatchClient.gzipCsv(1, 5))).statusCode()).isEqualTo(200);
        assertThat(site.post("/api/v1/batch/" + batchId + "/complete").statusCode()).isEqualTo(200);
        HttpResponse<String> reported = http.send(http.request("/api/v1/error")
            .header("Authorization", "Bearer " + site.token)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString("{\"type\":\"IO\",\"title\":\"disk\",\"message\":\"full\"}")));
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(204);

        UploadClient loader = new UploadClient(identity, account);
        StringBuilder csv = new StringBuilder("sku,qty,email\n");
        for (int i = 1; i <= GOOD_ROWS; i++) {
            csv.append("s").append(i).append(',').append(i).append(",p").append(i).append("@x.io\n");
        }
        HttpResponse<String> uploaded = loader.uploadCsv(dataset, csv.append("bad,not-a-number,z@x.io\n").toString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
        String uploadId = (String) TestHttp.json(uploaded).get("uploadId");
        assertThat(loader.awaitFinished(uploadId)).containsEntry("status", "completed");
        if (extraRows > 0) {
            jdbc.update(
                    "INSERT INTO datasets." + dataset + " (tenant_id, upload_id, sku, qty)"
                            + " SELECT ?::uuid, ?::uuid, 'x' || n, n FROM generate_series(1, ?) n",
                    account, uploadId, extraRows);
        }

        ExportClient exporter = new ExportClient(identity, account, "EXPORTER", "VIEWER");
        String job = exporter.ordered("{\"queryDefinition\": {\"dataset\": \"" + dataset
                + "\", \"select\": [\"sku\", \"qty\"]}, \"format\": \"csv\"}");
        exporter.awaitState(job, "Succeeded");

        assertThat(http
            .send(http.asAdmin("/admin/accounts/" + account + "/load-rules")
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers
                    .ofString("{\"rules\": [{\"pattern\": \"*.csv\", \"dataset\": \"" + dataset + "\"}]}")))
            .statusCode()).isEqualTo(200);
        assertThat(identity.adminGet("/admin/accounts/" + account + "/webhook-secret").statusCode()).isEqualTo(200);
        return new Tenant(account, List.of(uploadId));
    }

    private void softDelete(Tenant tenant) {
        assertThat(http.send(http.asAdmin("/admin/accounts/" + tenant.id()).DELETE()).statusCode()).isEqualTo(204);
    }

    private long deletedRows(Tenant tenant) {
        List<Long> counted = jdbc.queryForList(
                "SELECT coalesce((counts ->> 'datasetRows')::bigint, 0) FROM purges WHERE account_id = ?::uuid",
                Long.class, tenant.id());
        return counted.isEmpty() ? 0 : counted.get(0);
    }

    /**
     * Every table's rows, and every object, that name the tenant or its uploads (staged
     * files are keyed by upload).
     */
    private Map<String, Long> footprint(Tenant tenant) {
        Map<String, Long> found = new TreeMap<>();
        List<String> needles = new ArrayList<>(tenant.uploads());
        needles.add(tenant.id());
        for (Map<String, Object> table : jdbc.queryForList("SELECT table_schema, table_name FROM"
                + " information_schema.tables WHERE table_schema IN ('public', 'datasets') AND table_type = 'BASE TABLE'"
                + " AND table_name NOT LIKE 'flyway%'")) {
            String name = table.get("table_schema") + "." + table.get("table_name");
            if (KEPT.stream().anyMatch(((String) table.get("table_name"))::startsWith)) { // partitions
                                                                                          // too
                continue;
            }
            for (String needle : needles) {
                long rows = jdbc.queryForObject("SELECT count(*) FROM " + name + " t WHERE t::text LIKE ?", Long.class,
                        "%" + needle + "%");
                if (rows > 0) {
                    found.merge(name, rows, Long::sum);
                }
            }
        }
        try (var keys = store.list("")) {
            keys.filter(key -> needles.stream().anyMatch(key::contains))
                .forEach(key -> found.merge("s3", 1L, Long::sum));
        }
        return found;
    }

    private void assertNothingLeftOf(Tenant tenant) {
        assertThat(footprint(tenant)).as("rows and objects naming the purged tenant").isEmpty();
    }

}
