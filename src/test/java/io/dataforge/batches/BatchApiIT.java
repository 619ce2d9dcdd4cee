package io.dataforge.batches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.dataforge.IntegrationTest;
import io.dataforge.platform.embedded.FailingWrites;
import io.dataforge.TestHttp;
import io.dataforge.platform.storage.ObjectStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The site clients' batch contract over real HTTP, PostgreSQL and S3. */
@IntegrationTest
class BatchApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectStore store;

    @Autowired
    org.apache.camel.ProducerTemplate producer;

    @Autowired
    org.apache.camel.CamelContext camel;

    @Autowired
    org.springframework.amqp.rabbit.core.RabbitAdmin rabbitAdmin;

    @Autowired
    org.springframework.amqp.rabbit.core.RabbitTemplate rabbit;

    TestHttp http;

    BatchClient site;

    @BeforeEach
    void site() {
        http = new TestHttp(port);
        site = new BatchClient(http);
    }

    @Test
    void oneOpenBatchPerSite() {
        String first = site.start();

        HttpResponse<String> second = site.post("/api/v1/batch/start");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(TestHttp.json(second)).containsEntry("status", 409);

        assertThat(site.post("/api/v1/batch/" + first + "/complete").statusCode()).isEqualTo(200);
        assertThat(site.start()).isNotEqualTo(first);
    }

    @Test
    void ofTwoConcurrentStartsExactlyOneWins() {
        List<Integer> statuses = List
            .of(CompletableFuture.supplyAsync(() -> site.post("/api/v1/batch/start").statusCode()),
                    CompletableFuture.supplyAsync(() -> site.post("/api/v1/batch/start").statusCode()))
            .stream()
            .map(CompletableFuture::join)
            .toList();

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    }

    @Test
    void uploadedFilesLandInS3WithChecksumsAndCounters() throws Exception {
        String batchId = site.start();
        byte[] sales = BatchClient.gzipCsv(1, 5000);
        byte[] stock = BatchClient.gzipCsv(2, 300);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("sales.csv.gz", sales);
        files.put("stock.csv.gz", stock);

        HttpResponse<String> response = site.upload(batchId, files);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> body = TestHttp.json(response);
        assertThat(body).containsEntry("status", "OK").containsEntry("uploadedFiles", 2);
        assertThat(body.get("files").toString()).contains("fileName=sales.csv.gz").contains("fileSize=" + sales.length);
        String prefix = jdbc.queryForObject("SELECT s3_prefix FROM batches WHERE id = ?::uuid", String.class, batchId);
        assertThat(prefix)
            .matches(site.accountId + "/" + site.site.get("domain") + "/\\d{4}-\\d{2}-\\d{2}/\\d{2}-\\d{2}/");
        try (InputStream in = store.open(prefix + "sales.csv.gz")) {
            assertThat(in.readAllBytes()).isEqualTo(sales);
        }
        Map<String, Object> row = jdbc
            .queryForMap("SELECT md5, sha256, file_size FROM batch_files WHERE batch_id = ?::uuid"
                    + " AND file_name = 'sales.csv.gz'", batchId);
        assertThat(row).containsEntry("md5", hex("MD5", sales))
            .containsEntry("sha256", hex("SHA-256", sales))
            .containsEntry("file_size", (long) sales.length);

        HttpResponse<String> completed = site.post("/api/v1/batch/" + batchId + "/complete");
        assertThat(TestHttp.json(completed)).containsEntry("status", "COMPLETED")
            .containsEntry("uploadedFilesCount", 2)
            .containsEntry("totalSize", sales.length + stock.length)
            .containsKey("completedAt");
        Map<String, Object> stats = TestHttp
            .json(site.identity.adminGet("/admin/accounts/" + site.accountId + "/stats"));
        assertThat(stats).containsEntry("totalBatches", 1)
            .containsEntry("completedBatches", 1)
            .containsEntry("totalFiles", 2)
            .containsEntry("totalStorageSize", sales.length + stock.length);
        assertThat(stats.get("lastUploadAt")).isNotNull();
        assertThat(TestHttp.json(site.identity.adminGet("/admin/accounts/" + site.accountId)))
            .containsEntry("totalBatches", 1)
            .containsEntry("totalUploadedFiles", 2);
        producer.sendBody("direct:batches.gauges-refresh", null);
        String metrics = site.identity.adminGet("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("dataforge_batches_total\\{[^}]*outcome=\"completed\"")
            .contains("dataforge_batch_files_total")
            .contains("dataforge_batch_bytes_sum")
            .contains("dataforge_batch_upload_seconds")
            .contains("dataforge_batches_stored_bytes{account=\"" + site.accountId + "\"")
            .contains("dataforge_batches_active{account=\"" + site.accountId + "\"");
    }

    @Test
    void ofTwoConcurrentUploadsOfOneNameExactlyOneIsStored() throws Exception {
        String batchId = site.start();
        byte[] a = BatchClient.gzipCsv(10, 200_000);
        byte[] b = BatchClient.gzipCsv(11, 200_000);

        List<HttpResponse<String>> responses = List
            .of(CompletableFuture.supplyAsync(() -> site.upload(batchId, Map.of("same.csv.gz", a))),
                    CompletableFuture.supplyAsync(() -> site.upload(batchId, Map.of("same.csv.gz", b))))
            .stream()
            .map(CompletableFuture::join)
            .toList();

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 400);
        byte[] winner = responses.get(0).statusCode() == 200 ? a : b;
        String prefix = jdbc.queryForObject("SELECT s3_prefix FROM batches WHERE id = ?::uuid", String.class, batchId);
        try (InputStream in = store.open(prefix + "same.csv.gz")) {
            assertThat(in.readAllBytes()).isEqualTo(winner);
        }
        assertThat(jdbc.queryForObject("SELECT uploaded_files_count FROM batches WHERE id = ?::uuid", Integer.class,
                batchId))
            .isEqualTo(1);
    }

    @Test
    void refusedFilesLeaveNothingAndTheNameStaysFree() throws Exception {
        String batchId = site.start();
        String prefix = jdbc.queryForObject("SELECT s3_prefix FROM batches WHERE id = ?::uuid", String.class, batchId);

        HttpResponse<String> notGzip = site.upload(batchId,
                Map.of("plain.csv.gz", "id,x\n1,2\n".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> tooBig = site.upload(batchId, Map.of("big.csv.gz", bigGzip()));
        HttpResponse<String> duplicateAfter = null;

        assertThat(notGzip.statusCode()).isEqualTo(415);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(TestHttp.json(tooBig)).containsEntry("status", 413);
        assertThat(store.head(prefix + "plain.csv.gz")).isEmpty();
        assertThat(store.head(prefix + "big.csv.gz")).isEmpty();
        assertThat(store.pendingUploads(prefix)).isZero();
        assertThat(
                jdbc.queryForObject("SELECT count(*) FROM batch_files WHERE batch_id = ?::uuid", Long.class, batchId))
            .isZero();
        assertThat(site.upload(batchId, Map.of("big.csv.gz", BatchClient.gzipCsv(3, 100))).statusCode()).isEqualTo(200);
        duplicateAfter = site.upload(batchId, Map.of("big.csv.gz", BatchClient.gzipCsv(4, 100)));
        assertThat(duplicateAfter.statusCode()).isEqualTo(400);
    }

    @Test
    void fileNamesThatWalkPathsAreRefused() {
        String batchId = site.start();
        for (String name : List.of("../escape.csv.gz", "dir/file.csv.gz", "back\\\\slash.gz", "..")) {
            HttpResponse<String> response = site.upload(batchId, Map.of(name, BatchClient.gzipCsv(5, 10)));
            assertThat(response.statusCode()).as(name).isEqualTo(400);
        }
        assertThat(
                jdbc.queryForObject("SELECT count(*) FROM batch_files WHERE batch_id = ?::uuid", Long.class, batchId))
            .isZero();
    }

    @Test
    void filesPerBatchAreCapped() {
        String batchId = site.start();
        Map<String, byte[]> five = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            five.put("f" + i + ".csv.gz", BatchClient.gzipCsv(i, 5));
        }
        assertThat(site.upload(batchId, five).statusCode()).isEqualTo(200);

        assertThat(site.upload(batchId, Map.of("sixth.csv.gz", BatchClient.gzipCsv(6, 5))).statusCode()).isEqualTo(400);
    }

    @Test
    void otherSitesBatchesUnknownBatchesAndClosedBatches() {
        String batchId = site.start();
        BatchClient other = site.sibling();

        assertThat(other.upload(batchId, Map.of("x.csv.gz", BatchClient.gzipCsv(7, 5))).statusCode()).isEqualTo(403);
        assertThat(other.post("/api/v1/batch/" + batchId + "/complete").statusCode()).isEqualTo(403);
        assertThat(site.post("/api/v1/batch/00000000-0000-0000-0000-000000000000/complete").statusCode())
            .isEqualTo(404);
        assertThat(site.post("/api/v1/batch/not-a-uuid/complete").statusCode()).isEqualTo(404);
        assertThat(site.post("/api/v1/batch/" + batchId + "/cancel").statusCode()).isEqualTo(200);
        assertThat(site.upload(batchId, Map.of("late.csv.gz", BatchClient.gzipCsv(8, 5))).statusCode()).isEqualTo(409);
        assertThat(site.post("/api/v1/batch/" + batchId + "/complete").statusCode()).isEqualTo(409);
    }

    @Test
    void failRecordsTheReasonAndWarningsCompleteDifferently() {
        String failed = site.start();
        HttpResponse<String> response = site.identity.http
            .send(site.identity.http.request("/api/v1/batch/" + failed + "/fail")
                .header("Authorization", "Bearer " + site.token)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"reason\":\"disk full at the store\"}")));
        assertThat(TestHttp.json(response)).containsEntry("status", "FAILED").containsEntry("hasErrors", true);
        assertThat(jdbc.queryForMap("SELECT failure_reason, has_errors FROM batches WHERE id = ?::uuid", failed))
            .containsEntry("failure_reason", "disk full at the store")
            .containsEntry("has_errors", true);

        String warned = site.start();
        assertThat(TestHttp.json(site.post("/api/v1/batch/" + warned + "/complete-with-warnings")))
            .containsEntry("status", "COMPLETED_WITH_WARNINGS");
    }

    @Test
    void deactivatedSiteCannotStartButMayCloseItsOpenBatch() {
        String batchId = site.start();
        site.identity.http.send(site.identity.http.asAdmin("/admin/sites/" + site.site.get("id"))
            .header("Content-Type", "application/json")
            .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"isActive\":false}")));

        assertThat(site.post("/api/v1/batch/" + batchId + "/complete").statusCode()).isEqualTo(200);
        assertThat(site.post("/api/v1/batch/start").statusCode()).isEqualTo(403);
    }

    @Test
    void wrongRoleIsRefused() {
        String adminToken = (String) TestHttp.json(http.send(http.request("/api/v1/auth/admin/token")
            .header("Authorization",
                    io.dataforge.identity.IdentityClient.basic("admin", IntegrationTest.ADMIN_PASSWORD))
            .POST(java.net.http.HttpRequest.BodyPublishers.noBody()))).get("token");

        assertThat(site.identity.withBearer("POST", "/api/v1/batch/start", adminToken).statusCode()).isEqualTo(403);
        assertThat(
                http.send(http.request("/api/v1/batch/start").POST(java.net.http.HttpRequest.BodyPublishers.noBody()))
                    .statusCode())
            .isEqualTo(401);
    }

    @Test
    void clientDroppingMidFileLeavesNothingAndMayRetry() throws Exception {
        String batchId = site.start();
        String prefix = jdbc.queryForObject("SELECT s3_prefix FROM batches WHERE id = ?::uuid", String.class, batchId);
        byte[] file = BatchClient.gzipCsv(9, 400_000);
        String boundary = "drop" + System.nanoTime();
        String head = "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"drop.csv.gz\"\r\n"
                + "Content-Type: application/gzip\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/batch/" + batchId + "/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + site.token + "\r\nContent-Type: multipart/form-data; boundary="
                    + boundary + "\r\nContent-Length: " + (head.length() + file.length + 100) + "\r\n\r\n" + head)
                .getBytes(StandardCharsets.UTF_8));
            out.write(file, 0, file.length / 2);
            out.flush();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM batch_files WHERE batch_id = ?::uuid", Long.class,
                    batchId))
                .isZero();
            assertThat(store.pendingUploads(prefix)).isZero();
        });
        assertThat(store.head(prefix + "drop.csv.gz")).isEmpty();
        assertThat(site.upload(batchId, Map.of("drop.csv.gz", file)).statusCode()).isEqualTo(200);
    }

    @Test
    void theScheduleClosesTimedOutBatchesAndAStartClosesItsOwn() {
        String stale = site.start();
        jdbc.update("UPDATE batches SET started_at = now() - interval '2 hours' WHERE id = ?::uuid", stale);

        producer.sendBody("direct:batches.expire", null);

        assertThat(jdbc.queryForObject("SELECT status FROM batches WHERE id = ?::uuid", String.class, stale))
            .isEqualTo("NOT_COMPLETED");
        assertThat(camel.getRoute("batches.timeout-schedule").getEndpoint().getEndpointUri())
            .startsWith("quartz://batches/timeout");

        String open = site.start();
        jdbc.update("UPDATE batches SET started_at = now() - interval '2 hours' WHERE id = ?::uuid", open);
        String next = site.start();
        assertThat(next).isNotEqualTo(open);
        assertThat(jdbc.queryForObject("SELECT status FROM batches WHERE id = ?::uuid", String.class, open))
            .isEqualTo("NOT_COMPLETED");
    }

    @Test
    void lifecycleEventsArePublished() {
        org.springframework.amqp.core.Queue queue = new org.springframework.amqp.core.Queue(
                "dataforge.test.batch-events." + java.util.UUID.randomUUID(), false);
        rabbitAdmin.declareQueue(queue);
        var exchange = new org.springframework.amqp.core.TopicExchange("dataforge.events");
        rabbitAdmin
            .declareBinding(org.springframework.amqp.core.BindingBuilder.bind(queue).to(exchange).with("batch.*"));
        rabbitAdmin
            .declareBinding(org.springframework.amqp.core.BindingBuilder.bind(queue).to(exchange).with("file.*"));

        String batchId = site.start();
        site.upload(batchId, Map.of("events.csv.gz", BatchClient.gzipCsv(12, 10)));
        site.post("/api/v1/batch/" + batchId + "/complete");

        List<String> seen = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            org.springframework.amqp.core.Message message = rabbit.receive(queue.getName(), 200);
            if (message != null && new String(message.getBody(), StandardCharsets.UTF_8).contains(batchId)) {
                seen.add(message.getMessageProperties().getReceivedRoutingKey());
            }
            assertThat(seen).containsExactly("batch.started", "file.uploaded", "batch.completed");
        });
        rabbitAdmin.deleteQueue(queue.getName());
    }

    @Test
    void storageDownAnswers503RecordsNothingAndTheRetryWorks() throws Exception {
        String batchId = site.start();
        String prefix = jdbc.queryForObject("SELECT s3_prefix FROM batches WHERE id = ?::uuid", String.class, batchId);
        var s3 = io.dataforge.platform.embedded.EmbeddedServers.of(java.nio.file.Path.of(IntegrationTest.DATA_DIR))
            .orElseThrow()
            .server("s3")
            .orElseThrow();
        byte[] file = BatchClient.gzipCsv(30, 1000);
        HttpResponse<String> down;
        s3.stop();
        try {
            down = site.upload(batchId, Map.of("outage.csv.gz", file));
        }
        finally {
            s3.start();
        }

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).isPresent();
        assertThat(
                jdbc.queryForObject("SELECT count(*) FROM batch_files WHERE batch_id = ?::uuid", Long.class, batchId))
            .isZero();
        assertThat(site.upload(batchId, Map.of("outage.csv.gz", file)).statusCode()).isEqualTo(200);
        try (InputStream in = store.open(prefix + "outage.csv.gz")) {
            assertThat(in.readAllBytes()).isEqualTo(file);
        }
    }

    @Test
    void storageFailingTwiceThenWorkingStillStoresTheUpload() throws Exception {
        String batchId = site.start();
        String prefix = jdbc.queryForObject("SELECT s3_prefix FROM batches WHERE id = ?::uuid", String.class, batchId);
        byte[] file = BatchClient.gzipCsv(31, 2000);
        HttpResponse<String> response;
        int dropped;
        try (var storage = new io.dataforge.platform.embedded.FaultyStorage(
                java.nio.file.Path.of(IntegrationTest.DATA_DIR), 1)) {
            response = site.upload(batchId, Map.of("flaky.csv.gz", file));
            dropped = storage.dropped();
        }

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        // the first attempt meets the connection pooled before the store went away, the
        // second a refused one
        assertThat(dropped).as("connections the store refused").isEqualTo(1);
        try (InputStream in = store.open(prefix + "flaky.csv.gz")) {
            assertThat(in.readAllBytes()).isEqualTo(file);
        }
        assertThat(
                jdbc.queryForObject("SELECT count(*) FROM batch_files WHERE batch_id = ?::uuid AND state = 'UPLOADED'",
                        Long.class, batchId))
            .isEqualTo(1);
    }

    @Test
    void aStoreThatRefusesEveryWriteIsTriedThreeTimesAtAFixedIntervalAndTheSiteGets503() throws Exception {
        String batchId = site.start();
        byte[] file = BatchClient.gzipCsv(32, 1000);
        HttpResponse<String> response;
        List<FailingWrites.Write> writes;
        List<Long> pauses;
        try (FailingWrites storage = new FailingWrites(java.nio.file.Path.of(IntegrationTest.DATA_DIR))) {
            response = site.upload(batchId, Map.of("refused.csv.gz", file));
            writes = storage.writes("refused.csv.gz");
            pauses = storage.pausesMillis("refused.csv.gz");
        }

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(TestHttp.json(response)).containsEntry("status", 503)
            .containsEntry("path", "/api/v1/batch/" + batchId + "/upload")
            .containsKeys("timestamp", "error", "message");
        assertThat(writes).as("the one PutObject, tried dataforge.s3.attempts times, no layer on top").hasSize(3);
        assertThat(pauses).as("fixed pauses of dataforge.s3.retry-interval (100ms), not doubling")
            .allSatisfy(pause -> assertThat(pause).isBetween(100L, 189L));
        assertThat(
                jdbc.queryForObject("SELECT count(*) FROM batch_files WHERE batch_id = ?::uuid", Long.class, batchId))
            .isZero();
    }

    @Test
    void theAccountsOpenBatchesAreCapped() {
        for (int i = 0; i < 10; i++) {
            site.sibling().start();
        }

        HttpResponse<String> eleventh = site.post("/api/v1/batch/start");

        assertThat(eleventh.statusCode()).isEqualTo(409);
        assertThat(TestHttp.json(eleventh)).containsEntry("code", "TOO_MANY_ACTIVE_BATCHES");
    }

    @Test
    void failCancelExpiryAndErrorReportsArePublishedToo() {
        org.springframework.amqp.core.Queue queue = new org.springframework.amqp.core.Queue(
                "dataforge.test.batch-events." + java.util.UUID.randomUUID(), false);
        rabbitAdmin.declareQueue(queue);
        var exchange = new org.springframework.amqp.core.TopicExchange("dataforge.events");
        for (String key : List.of("batch.*", "error.*")) {
            rabbitAdmin.declareBinding(org.springframework.amqp.core.BindingBuilder.bind(queue).to(exchange).with(key));
        }

        String failed = site.start();
        site.post("/api/v1/batch/" + failed + "/fail");
        String cancelled = site.start();
        site.post("/api/v1/batch/" + cancelled + "/cancel");
        String expired = site.start();
        jdbc.update("UPDATE batches SET started_at = now() - interval '2 hours' WHERE id = ?::uuid", expired);
        producer.sendBody("direct:batches.expire", null);
        site.identity.http.send(site.identity.http.request("/api/v1/error")
            .header("Authorization", "Bearer " + site.token)
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers
                .ofString("{\"type\":\"IO\",\"title\":\"t\",\"message\":\"m\"}")));

        List<String> seen = new java.util.ArrayList<>();
        String siteId = (String) site.site.get("id");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            org.springframework.amqp.core.Message message = rabbit.receive(queue.getName(), 200);
            if (message != null && new String(message.getBody(), StandardCharsets.UTF_8).contains(siteId)) {
                seen.add(message.getMessageProperties().getReceivedRoutingKey());
            }
            assertThat(seen).containsExactly("batch.started", "batch.failed", "batch.started", "batch.cancelled",
                    "batch.started", "batch.expired", "error.reported");
        });
        rabbitAdmin.deleteQueue(queue.getName());
    }

    /**
     * A valid gzip stream just over the 16 MB test limit (incompressible bytes stored in
     * gzip).
     */
    private static byte[] bigGzip() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(out)) {
            byte[] noise = new byte[17 * 1024 * 1024];
            new java.util.Random(42).nextBytes(noise);
            gzip.write(noise);
        }
        return out.toByteArray();
    }

    private static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

}
