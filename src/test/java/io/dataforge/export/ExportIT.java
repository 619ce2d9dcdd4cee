package io.dataforge.export;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;
import io.dataforge.export.pack.Compression;
import io.dataforge.export.render.ExportFiles;
import io.dataforge.export.render.ExportFormat;
import io.dataforge.identity.IdentityClient;
import io.dataforge.platform.storage.ObjectStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exports over real HTTP, PostgreSQL, RabbitMQ and S3: each file fetched from its
 * presigned URL and read back.
 */
@IntegrationTest
class ExportIT {

    static final List<String> COLUMNS = ExportFixture.COLUMNS;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectStore store;

    @Autowired
    ExpireExportsProcessor expire;

    ExportFixture fixture;

    IdentityClient identity;

    String tenant;

    String dataset;

    ExportClient exporter;

    List<List<String>> expected;

    @BeforeEach
    void data() {
        fixture = new ExportFixture(new IdentityClient(new TestHttp(port)), jdbc, 40);
        identity = fixture.identity;
        tenant = fixture.tenant;
        dataset = fixture.dataset;
        expected = fixture.expected;
        exporter = new ExportClient(identity, tenant, "EXPORTER");
    }

    @Test
    void everyFormatAndCompressionReadsBackAsTheQuerysRowsWithMaskingApplied() throws Exception {
        for (ExportFormat format : ExportFormat.values()) {
            for (Compression compression : Compression.values()) {
                String jobId = exporter.ordered(order(format, compression));
                Map<String, Object> done = exporter.awaitState(jobId, "Succeeded");
                assertThat(done).containsEntry("progress", 100).containsEntry("rowsProcessed", 40);
                byte[] file = ExportFiles.uncompress(compression, ExportClient.fetch((String) done.get("downloadUrl")),
                        dataset + "." + format.extension());
                String what = format + "/" + compression;
                if (format == ExportFormat.PDF) {
                    String text = String.join("\n", ExportFiles.pdfPages(file));
                    assertThat(text).as(what)
                        .contains(String.join(" ", COLUMNS), "***", "ünïcödé", "quote \"q\", comma", "2026-03-05")
                        .doesNotContain("@example.com");
                    expected.forEach(row -> assertThat(text).contains(row.get(2)));
                }
                else {
                    List<List<String>> table = ExportFiles.table(format, COLUMNS, file);
                    assertThat(table.get(0)).as(what).isEqualTo(COLUMNS);
                    assertThat(table.subList(1, table.size())).as(what).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void theSameOrderFromTheSameCallerWithinAnHourGetsTheSameJobAndEachJobIsAudited() {
        String first = exporter.ordered(order(ExportFormat.CSV, Compression.NONE));
        HttpResponse<String> again = exporter.order(order(ExportFormat.CSV, Compression.NONE));
        String other = exporter.ordered(order(ExportFormat.CSV, Compression.GZIP));

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(TestHttp.json(again)).containsEntry("jobId", first);
        assertThat(other).isNotEqualTo(first);
        assertThat(
                jdbc.queryForObject("SELECT count(*) FROM export_jobs WHERE tenant_id = ?::uuid", Long.class, tenant))
            .isEqualTo(2);
        exporter.awaitState(first, "Succeeded");
        await().atMost(Duration.ofSeconds(10))
            .until(() -> jdbc
                .queryForList(
                        "SELECT row_count FROM audit_log WHERE action = 'export'"
                                + " AND tenant_id = ?::uuid AND dataset = ? AND status = 200",
                        Long.class, tenant, dataset)
                .size() >= 1);
        assertThat(jdbc.queryForList(
                "SELECT row_count FROM audit_log WHERE action = 'export' AND tenant_id = ?::uuid AND status = 200",
                Long.class, tenant))
            .allSatisfy(rows -> assertThat(rows).isEqualTo(40L));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anotherTenantSeesNoneOfTheJobs() {
        String jobId = exporter.ordered(order(ExportFormat.JSON, Compression.NONE));
        exporter.awaitState(jobId, "Succeeded");
        ExportClient stranger = new ExportClient(identity, identity.createAccount("Stranger Co"), "EXPORTER");

        for (String[] call : new String[][] { { "GET", "" }, { "GET", "/download" }, { "DELETE", "" } }) {
            HttpResponse<String> response = stranger.call(call[0], "/api/v1/exports/" + jobId + call[1]);
            assertThat(response.statusCode()).as(call[0] + call[1]).isEqualTo(404);
            assertThat(TestHttp.json(response)).containsKeys("timestamp", "status", "error", "message", "path");
        }
        assertThat(TestHttp.json(stranger.call("GET", "/api/v1/exports")).get("content")).asList().isEmpty();
        Map<String, Object> own = TestHttp.json(exporter.call("GET", "/api/v1/exports?state=Succeeded"));
        assertThat(((List<Map<String, Object>>) own.get("content")).stream().map(job -> job.get("jobId")))
            .containsExactly(jobId);
        assertThat(TestHttp.json(exporter.call("GET", "/api/v1/exports?state=Pending")).get("content")).asList()
            .isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdminOrdersForATenantItNamesAndSeesThatTenantsJobs() throws Exception {
        String body = order(ExportFormat.CSV, Compression.NONE).replace("{\"dataset\"",
                "{\"tenantId\": \"" + tenant + "\", \"dataset\"");
        HttpResponse<String> ordered = identity.http.send(identity.http.asAdmin("/api/v1/exports")
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertThat(ordered.statusCode()).as(ordered.body()).isEqualTo(202);
        String jobId = (String) TestHttp.json(ordered).get("jobId");

        Map<String, Object> done = exporter.awaitState(jobId, "Succeeded");
        HttpResponse<String> asAdmin = identity.http.send(identity.http.asAdmin("/api/v1/exports/" + jobId));
        HttpResponse<String> listed = identity.http.send(identity.http.asAdmin("/api/v1/exports?tenantId=" + tenant));
        HttpResponse<String> unnamed = identity.http.send(identity.http.asAdmin("/api/v1/exports"));
        HttpResponse<String> otherTenant = exporter.call("GET",
                "/api/v1/exports?tenantId=" + identity.createAccount("Nosy Co"));

        List<List<String>> table = ExportFiles.table(ExportFormat.CSV, COLUMNS,
                ExportClient.fetch((String) done.get("downloadUrl")));
        assertThat(table.subList(1, table.size())).as("the tenant's rows, pii shown to the admin")
            .isEqualTo(expected.stream()
                .map(row -> List.of(row.get(0), row.get(1), row.get(2), row.get(3),
                        "user" + row.get(0) + "@example.com"))
                .toList());
        assertThat(asAdmin.statusCode()).as(asAdmin.body()).isEqualTo(200);
        assertThat(TestHttp.json(asAdmin)).containsEntry("tenantId", tenant).containsEntry("state", "Succeeded");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(((List<Map<String, Object>>) TestHttp.json(listed).get("content")).stream()
            .map(job -> job.get("jobId"))).containsExactly(jobId);
        assertRefused(unnamed, 400);
        assertRefused(otherTenant, 403);
    }

    @Test
    void ordersThatDoNotPlanAreRefusedAndStoreNothing() {
        ExportClient viewer = new ExportClient(identity, tenant, "VIEWER");
        String other = identity.createAccount("Other Co");
        assertRefused(viewer.order(order(ExportFormat.CSV, Compression.NONE)), 403);
        assertRefused(exporter.order(order(ExportFormat.CSV, Compression.NONE).replace(dataset, "no_such_dataset")),
                404);
        assertRefused(exporter.order(order(ExportFormat.CSV, Compression.NONE).replace("\"csv\"", "\"docx\"")), 400);
        assertRefused(exporter.order(order(ExportFormat.CSV, Compression.GZIP).replace("\"gzip\"", "\"rar\"")), 400);
        assertRefused(exporter
            .order("{\"queryDefinition\": {\"dataset\": \"" + dataset + "\", \"filter\": {\"column\": \"email\","
                    + " \"op\": \"like\", \"value\": \"a%\"}}, \"format\": \"csv\"}"),
                403);
        assertRefused(exporter.order("{\"queryDefinition\": {\"dataset\": \"" + dataset + "\", \"tenantId\": \"" + other
                + "\"}, \"format\": \"csv\"}"), 403);
        assertRefused(exporter.order("{\"queryDefinition\": {\"dataset\": \"" + dataset
                + "\", \"select\": [\"id; DROP TABLE x\"]}, \"format\": \"csv\"}"), 400);
        assertRefused(exporter.order("[1, 2]"), 400);

        assertThat(
                jdbc.queryForObject("SELECT count(*) FROM export_jobs WHERE tenant_id = ?::uuid", Long.class, tenant))
            .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM datasets." + dataset, Long.class)).isEqualTo(40);
    }

    @Test
    void aRunningExportIsCanceledPromptlyAndLeavesNoFile() {
        fixture.addRows(jdbc, 100, 300_000);
        String jobId = exporter.ordered(order(ExportFormat.PDF, Compression.NONE));
        await().atMost(Duration.ofSeconds(60))
            .until(() -> ((Number) exporter.job(jobId).get("rowsProcessed")).longValue() > 0);

        HttpResponse<String> canceled = exporter.call("DELETE", "/api/v1/exports/" + jobId);

        assertThat(canceled.statusCode()).as(canceled.body()).isEqualTo(202);
        Map<String, Object> job = exporter.awaitState(jobId, "Canceled");
        assertThat(((Number) job.get("rowsProcessed")).longValue()).isLessThan(300_000);
        String folder = "exports/" + tenant + "/" + jobId + "/";
        assertThat(store.list(folder)).isEmpty();
        assertThat(store.pendingUploads(folder)).isZero();
        assertThat(exporter.call("DELETE", "/api/v1/exports/" + jobId).statusCode()).isEqualTo(409);
    }

    @Test
    void downloadRedirectsToAPresignedUrlValidForADayAndSuchUrlsExpire() throws Exception {
        String jobId = exporter.ordered(order(ExportFormat.CSV, Compression.GZIP));
        Map<String, Object> job = exporter.awaitState(jobId, "Succeeded");

        HttpResponse<String> download = exporter.call("GET", "/api/v1/exports/" + jobId + "/download");

        assertThat(download.statusCode()).isEqualTo(302);
        String location = download.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("X-Amz-Expires=86400");
        assertThat(ExportClient.fetch(location)).isEqualTo(ExportClient.fetch((String) job.get("downloadUrl")));
        String key = jdbc.queryForObject("SELECT object_key FROM export_jobs WHERE id = ?::uuid", String.class, jobId);
        String shortLived = store.presignGet(key, Duration.ofSeconds(1)).toString();
        await().atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> ExportClient.status(shortLived) == 403);
    }

    @Test
    void retentionDeletesTheFileAndKeepsTheJobMarkedExpired() throws Exception {
        String jobId = exporter.ordered(order(ExportFormat.JSON, Compression.ZIP));
        exporter.awaitState(jobId, "Succeeded");
        String key = jdbc.queryForObject("SELECT object_key FROM export_jobs WHERE id = ?::uuid", String.class, jobId);
        assertThat(store.head(key)).isPresent();
        jdbc.update("UPDATE export_jobs SET expires_at = now() - interval '1 second' WHERE id = ?::uuid", jobId);

        expire.process(null);

        assertThat(store.head(key)).isEmpty();
        assertThat(exporter.job(jobId)).containsEntry("expired", true)
            .containsEntry("downloadUrl", null)
            .containsEntry("state", "Succeeded");
        assertThat(exporter.call("GET", "/api/v1/exports/" + jobId + "/download").statusCode()).isEqualTo(409);
    }

    private String order(ExportFormat format, Compression compression) {
        return fixture.order(format.extension(),
                compression == Compression.NONE ? null : compression.name().toLowerCase());
    }

    private void assertRefused(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(TestHttp.json(response)).containsKeys("timestamp", "status", "error", "message", "path");
    }

}
