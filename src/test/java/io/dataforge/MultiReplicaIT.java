package io.dataforge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.export.ExportClient;
import io.dataforge.export.ExportFixture;
import io.dataforge.identity.IdentityClient;
import io.dataforge.load.GeneratedCsv;
import io.dataforge.load.UploadClient;
import io.dataforge.platform.storage.ObjectStore;
import io.dataforge.watch.WatchFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Three replicas as one system ({@link ReplicaGroup}: child JVMs of the production jar,
 * each with its own data directory and no key settings, on one PostgreSQL, broker and
 * S3): tokens and secrets made on one work on the others, through a key rotation; an
 * upload on one is loaded by another and read on every one, each forgetting its cached
 * answer when the load completes; kill -9 of the loader mid-COPY, of the renderer
 * mid-export and of the watch leader mid-upload each end with the job done once by
 * another; SIGTERM while an upload streams in and a load and exports run: the upload
 * completes, the load and exports are finished by another replica, once each, and no
 * multipart upload is left; twelve exports of one tenant never run more than ten at once.
 * The replicas are shared by the cases, which run in order; a killed replica starts again
 * while the next case runs. Nothing a replica does may leave a file on its disk.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiReplicaIT {

    private static final int ROWS = 200_500;

    @Autowired
    Environment env;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ObjectStore store;

    @Autowired
    AmqpAdmin amqp;

    ReplicaGroup replicas;

    /** Files on the replicas' disks when they started; each case adds none. */
    Set<Path> disks;

    @BeforeAll
    void startReplicas() throws Exception {
        replicas = new ReplicaGroup(env, Path.of("target/replicas-" + UUID.randomUUID().toString().substring(0, 8)));
        replicas.start();
    }

    @AfterAll
    void stopReplicas() throws Exception {
        replicas.close(amqp);
    }

    @Test
    @Order(1)
    void tokensAndSecretsMadeOnOneReplicaWorkOnTheOthersThroughAKeyRotation() throws Exception {
        IdentityClient a = new IdentityClient(replicas.http("a"));
        IdentityClient b = new IdentityClient(replicas.http("b"));
        IdentityClient c = new IdentityClient(replicas.http("c"));
        String adminToken = a.adminToken();
        String account = a.createAccount("Replicated Co");
        Map<String, Object> site = a.createSite(account);
        Map<String, Object> client = TestHttp.json(
                a.adminPost("/admin/accounts/" + account + "/clients", "{\"name\":\"viewer\",\"roles\":[\"VIEWER\"]}"));

        String siteToken = b.siteBearer(site);
        String clientToken = clientToken(c, client);

        assertThat(b.withBearer("GET", "/admin/accounts", adminToken).statusCode()).isEqualTo(200);
        assertThat(c.withBearer("GET", "/admin/accounts", adminToken).statusCode()).isEqualTo(200);
        assertThat(c.withBearer("POST", "/api/v1/batch/start", siteToken).statusCode()).isEqualTo(200);
        assertThat(a.withBearer("GET", "/api/v1/uploads", clientToken).statusCode()).isEqualTo(200);

        HttpResponse<String> rotated = b.adminPost("/admin/token-keys", "");
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
        String afterRotation = b.adminToken();

        for (IdentityClient replica : List.of(a, b, c)) {
            assertThat(replica.withBearer("GET", "/admin/accounts", adminToken).statusCode())
                .as("a token signed before the rotation")
                .isEqualTo(200);
            assertThat(replica.withBearer("GET", "/admin/accounts", afterRotation).statusCode())
                .as("a token signed with the new key, at once on every replica")
                .isEqualTo(200);
            assertThat(replica.withBearer("GET", "/api/v1/uploads", clientToken).statusCode()).isEqualTo(200);
        }
        assertThat(IdentityClient.claims(afterRotation)).containsEntry("iss", "data-forge");
    }

    @Test
    @Order(2)
    void anUploadOnOneIsLoadedByAnotherAndEveryReplicaForgetsItsCachedAnswerWhenALoadCompletes() {
        assertThat(amqp.getQueueInfo(replicas.queue).getConsumerCount())
            .as("a loads nothing: the load consumers are b's and c's")
            .isEqualTo(2);
        UploadClient uploader = new UploadClient(replicas.http("a"));
        String dataset = uploader.dataset(GeneratedCsv.DATASET);
        String first = loaded(uploader, GeneratedCsv.upload(uploader, dataset, "first.csv", 100));
        // the loader says so in its log (a moment after the status), one JSON object a
        // line
        // (ECS) as in the container
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            List<String> loggedBy = new ArrayList<>();
            for (String name : replicas.names()) {
                for (JsonNode event : logEvents(name)) {
                    if (event.path("message").asText().startsWith("Loaded upload " + first + ": 100 rows created")) {
                        assertThat(event.at("/log/level").asText()).isEqualTo("INFO");
                        assertThat(event.at("/service/name").asText()).isEqualTo("data-forge");
                        assertThat(event.has("@timestamp")).isTrue();
                        assertThat(event.path("traceId").asText()).as("the trace's id, exported or not")
                            .matches("[0-9a-f]{32}");
                        loggedBy.add(name);
                    }
                }
            }
            assertThat(loggedBy).as("replicas that logged the load").hasSize(1).allMatch(name -> !name.equals("a"));
        });
        String token = uploader.token;
        String count = "{\"dataset\": \"" + dataset + "\", \"select\": [\"id\"], \"page\": {\"limit\": 1000}}";

        for (String name : replicas.names()) {
            assertThat(rows(name, token, count)).as("replica " + name).isEqualTo(100);
        }
        // a row no load announced: a replica that answers from its cache does not see it
        jdbc.update("INSERT INTO datasets." + dataset + " (tenant_id, upload_id, id) VALUES (?::uuid, ?, 0)",
                uploader.accountId, UUID.randomUUID());
        for (String name : replicas.names()) {
            assertThat(rows(name, token, count)).as("replica " + name + " answers from its cache").isEqualTo(100);
        }

        loaded(uploader, GeneratedCsv.upload(uploader, dataset, "second.csv", 50));

        for (String name : replicas.names()) {
            await().atMost(Duration.ofSeconds(10))
                .alias("replica " + name + " forgot its answer")
                .until(() -> rows(name, token, count) == 151);
        }
    }

    @Test
    @Order(3)
    void theLoaderKilledMidCopyLeavesNothingAndAnotherReplicaLoadsTheFileOnce() throws Exception {
        UploadClient client = new UploadClient(replicas.http("a"));
        String dataset = client.dataset(GeneratedCsv.DATASET);
        DiskSampler disks = new DiskSampler(replicas);
        HttpResponse<String> accepted = GeneratedCsv.upload(client, dataset, "big.csv", ROWS);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        UUID uploadId = UUID.fromString((String) TestHttp.json(accepted).get("uploadId"));
        String[] loader = new String[1];
        AtomicReference<Map<String, Object>> progress = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            loader[0] = replicas.running(jdbc, "COPY %" + dataset + "%");
            progress.set(upload(uploadId));
            return loader[0] != null && "processing".equals(progress.get().get("status"))
                    && (Long) progress.get().get("rows_processed") >= ROWS / 4;
        });
        assertThat(loader[0]).as("the loader").isIn("b", "c");
        assertThat(progress.get()).containsEntry("attempt", 1);
        assertThat((Long) progress.get().get("rows_processed")).isBetween(ROWS / 4L, ROWS - 1L);

        replicas.get(loader[0]).kill();

        // read no state of the job now: the broker hands the message on at once, and the
        // other replica may already have begun attempt 2 (which ends at 2 shows the kill
        // cut attempt 1 short)
        disks.stop();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM datasets." + dataset, Long.class))
            .as("rows of the killed load's transaction")
            .isZero();
        assertThat(store.list("staging/uploads/" + uploadId + "/")).as("the staged file is kept").hasSize(1);
        replicas.restartInBackground(loader[0]);

        Map<String, Object> done = client.awaitFinished(uploadId.toString());

        assertThat(done).containsEntry("status", "completed")
            .containsEntry("createdRows", ROWS)
            .containsEntry("attempt", 2);
        Map<String, Object> table = jdbc.queryForMap(
                "SELECT count(*) AS n, count(DISTINCT id) AS ids," + " sum(amount) AS total FROM datasets." + dataset);
        assertThat(table).containsEntry("n", (long) ROWS).containsEntry("ids", (long) ROWS);
        assertThat((BigDecimal) table.get("total")).isEqualByComparingTo(GeneratedCsv.totalAmount(ROWS));
        assertThat(store.list("staging/uploads/" + uploadId + "/")).as("the staged file is deleted").isEmpty();
        assertThat(disks.added()).as("files written on the replicas' disks").isEmpty();
    }

    @Test
    @Order(4)
    void theRendererKilledMidExportLeavesNoFileAndAnotherReplicaMakesExactlyOne() throws Exception {
        int rows = 200_000;
        ExportFixture fixture = new ExportFixture(new IdentityClient(replicas.http("a")), jdbc, 0);
        fixture.addRows(jdbc, 1, rows);
        ExportClient exporter = new ExportClient(fixture.identity, fixture.tenant, "EXPORTER");
        DiskSampler disks = new DiskSampler(replicas);
        String jobId = exporter.ordered(fixture.order("csv", "gzip"));
        String folder = "exports/" + fixture.tenant + "/" + jobId + "/";
        String[] renderer = new String[1];
        AtomicReference<Map<String, Object>> progress = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            renderer[0] = replicas.running(jdbc, "SELECT %\"" + fixture.dataset + "\"%");
            progress.set(jdbc.queryForMap("SELECT state, attempt, rows_processed FROM export_jobs WHERE id = ?::uuid",
                    jobId));
            return renderer[0] != null && (Long) progress.get().get("rows_processed") >= 50_000;
        });
        assertThat(renderer[0]).as("the renderer").isIn("b", "c");
        assertThat(progress.get()).containsEntry("state", "Running").containsEntry("attempt", 1);
        assertThat((Long) progress.get().get("rows_processed")).isLessThan(rows);

        replicas.get(renderer[0]).kill();

        // as for the loader: the job may be on its second attempt already
        disks.stop();
        assertThat(store.list(folder)).as("no file from the killed attempt").isEmpty();
        replicas.restartInBackground(renderer[0]);

        Map<String, Object> done = exporter.awaitState(jobId, "Succeeded");

        assertThat(jdbc.queryForObject("SELECT attempt FROM export_jobs WHERE id = ?::uuid", Integer.class, jobId))
            .isEqualTo(2);
        assertThat(store.list(folder)).as("exactly one file").hasSize(1);
        assertThat(store.pendingUploads(folder)).as("the killed attempt's upload was aborted").isZero();
        long count = 0;
        long sum = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(ExportClient.fetch((String) done.get("downloadUrl")))),
                StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo(String.join(",", ExportFixture.COLUMNS));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                count++;
                sum += Long.parseLong(line.substring(0, line.indexOf(',')));
            }
        }
        assertThat(count).isEqualTo(rows);
        assertThat(sum).as("every id once").isEqualTo((long) rows * (rows + 1) / 2);
        assertThat(disks.added()).as("files written on the replicas' disks").isEmpty();
    }

    @Test
    @Order(5)
    void theWatchLeaderKilledMidUploadHandsTheFileToAnotherReplicaThatStoresItOnce() throws Exception {
        String big = "big-" + UUID.randomUUID() + ".bin";
        String key = replicas.watchPrefix + big;
        WatchFixture.dropInto(replicas.watchDir, big, out -> new RandomStream(11, 48L * 1024 * 1024).transferTo(out));
        String expected;
        try (InputStream in = Files.newInputStream(replicas.watchDir.resolve(big))) {
            expected = RandomStream.sha256Hex(in);
        }
        await().atMost(Duration.ofMinutes(1))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> store.pendingUploads(key) > 0);
        String leader = watchLeader();
        assertThat(leader).as("the watch leader").isNotNull();

        replicas.get(leader).kill();

        assertThat(watchStatus(big)).isEqualTo("in_progress");
        assertThat(store.pendingUploads(key)).as("the kill left a multipart upload").isPositive();
        replicas.restartInBackground(leader);
        DiskSampler disks = new DiskSampler(replicas);
        await().atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> "completed".equals(watchStatus(big)));

        assertThat(watchLeader()).as("the new leader").isNotNull();
        assertThat(store.pendingUploads(key)).as("no multipart upload left").isZero();
        try (Stream<String> keys = store.list(replicas.watchPrefix)) {
            assertThat(keys.filter(k -> k.startsWith(key))).containsExactly(key);
        }
        try (InputStream stored = store.open(key)) {
            assertThat(RandomStream.sha256Hex(stored)).isEqualTo(expected);
        }
        assertThat(replicas.watchDir.resolve(big)).as("the watched file stays where it was").exists();
        disks.stop();
        assertThat(disks.added()).as("files written on the replicas' disks").isEmpty();
    }

    @Test
    @Order(6)
    void sigtermWhileAnUploadStreamsAndALoadAndExportsRunHandsTheWorkToAnotherReplicaAndTwelveExportsNeverRunMoreThanTen()
            throws Exception {
        replicas.awaitAll();
        ExportFixture fixture = new ExportFixture(new IdentityClient(replicas.http("a")), jdbc, 50);
        ExportClient exporter = new ExportClient(fixture.identity, fixture.tenant, "EXPORTER");
        UploadClient uploader = new UploadClient(replicas.http("a"));
        String dataset = uploader.dataset(GeneratedCsv.DATASET);
        List<String> jobs = new ArrayList<>();
        AtomicLong mostRunning = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(() -> mostRunning.accumulateAndGet(running(fixture), Math::max), 0, 20,
                TimeUnit.MILLISECONDS);
        String loadId;
        String terminated;
        CompletableFuture<HttpResponse<String>> streaming;
        // both tables locked: every load and export that starts waits on it, holding its
        // slot, until the lock goes
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            lock.createStatement()
                .execute("LOCK TABLE datasets." + fixture.dataset + ", datasets." + dataset
                        + " IN ACCESS EXCLUSIVE MODE");
            for (int i = 0; i < 12; i++) {
                jobs.add(exporter.ordered(fixture.order("csv")
                    .replace("\"sort\"",
                            "\"filter\": {\"column\": \"id\", \"op\": \">\", \"value\": " + i + "}, \"sort\"")));
            }
            HttpResponse<String> accepted = GeneratedCsv.upload(uploader, dataset, "waiting.csv", 1000);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            loadId = (String) TestHttp.json(accepted).get("uploadId");
            String[] loader = new String[1];
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
                loader[0] = replicas.running(jdbc, "COPY %" + dataset + "%");
                return loader[0] != null && running(fixture) == 10;
            });
            terminated = loader[0];
            await().atMost(Duration.ofSeconds(10))
                .alias("exports waiting on the replica that loads")
                .until(() -> jdbc.queryForObject(
                        "SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND query LIKE ?", Long.class,
                        ReplicaGroup.session(terminated), "%\"" + fixture.dataset + "\"%") > 0);

            // an upload streaming into that replica (about 3 s) when the SIGTERM comes
            UploadClient streamer = uploader.on(replicas.http(terminated));
            byte[] csv;
            try (GeneratedCsv generated = new GeneratedCsv(20_000)) {
                csv = generated.readAllBytes();
            }
            AtomicInteger partsSent = new AtomicInteger();
            streaming = CompletableFuture.supplyAsync(() -> streamer.uploadPaced("streamed.csv", csv,
                    UploadClient.fields(dataset), 20, Duration.ofMillis(150), partsSent));
            await().atMost(Duration.ofSeconds(30)).until(() -> partsSent.get() >= 4);

            replicas.get(terminated).terminate();

            await().atMost(Duration.ofSeconds(10))
                .alias("the draining replica takes no new request")
                .until(() -> !takes(replicas.http(terminated).uri("/api/v1/auth/token")));
            assertThat(streaming).as("the upload was still streaming when the drain began").isNotDone();
            HttpResponse<String> streamed = streaming.get(60, TimeUnit.SECONDS);
            assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(202);
            assertThat(replicas.get(terminated).awaitExit(Duration.ofSeconds(60))).isIn(0, 143);
            assertThat(replicas.get(terminated).log()).contains("handing them back to the queue");
            // none of its jobs is left running: each was set back to waiting, so the
            // exports running are the survivor's, at most its six slots
            await().atMost(Duration.ofSeconds(15))
                .alias("only the survivor's exports run")
                .until(() -> running(fixture) <= 6);
            assertThat(jdbc.queryForObject("SELECT status FROM uploads WHERE id = ?::uuid", String.class, loadId))
                .as("the load handed back waits, or runs on the survivor")
                .isIn("uploaded", "processing");
            lock.rollback();
            streaming = CompletableFuture.completedFuture(streamed);
        }
        for (String job : jobs) {
            exporter.awaitState(job, "Succeeded");
        }
        sampler.shutdownNow();

        assertThat(mostRunning.get()).as("most exports of the tenant running at once, sampled").isEqualTo(10);
        assertThat(jdbc.queryForList("SELECT attempt FROM export_jobs WHERE tenant_id = ?::uuid", Integer.class,
                fixture.tenant))
            .hasSize(12)
            .allMatch(attempt -> attempt <= 2);
        for (String job : jobs) {
            assertThat(store.list("exports/" + fixture.tenant + "/" + job + "/")).as("one file of job " + job)
                .hasSize(1);
        }
        assertThat(store.pendingUploads("exports/" + fixture.tenant + "/")).as("multipart uploads left").isZero();
        Map<String, Object> load = uploader.awaitFinished(loadId);
        assertThat(load).containsEntry("status", "completed").containsEntry("createdRows", 1000);
        Map<String, Object> streamedLoad = uploader
            .awaitFinished((String) TestHttp.json(streaming.get()).get("uploadId"));
        assertThat(streamedLoad).containsEntry("status", "completed").containsEntry("createdRows", 20_000);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM datasets." + dataset, Long.class)).isEqualTo(21_000);
        assertThat(store.pendingUploads("staging/uploads/")).as("staging uploads left").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dead_letters WHERE endpoint_uri LIKE ?", Long.class,
                "%" + replicas.queue + "%"))
            .as("work handed back is no dead letter")
            .isZero();
    }

    private long running(ExportFixture fixture) {
        return jdbc.queryForObject("SELECT count(*) FROM export_jobs WHERE tenant_id = ?::uuid AND state = 'Running'",
                Long.class, fixture.tenant);
    }

    private String watchLeader() {
        List<String> holders = jdbc.queryForList(
                "SELECT a.application_name FROM pg_locks l"
                        + " JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted"
                        + " AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended(?, 0)",
                String.class, "dataforge.watch:" + store.bucket() + "/" + replicas.watchPrefix);
        return holders.isEmpty() ? null : holders.get(0).substring("replica-".length());
    }

    private String watchStatus(String path) {
        List<String> rows = jdbc.queryForList("SELECT status FROM watch_progress WHERE path = ?", String.class, path);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private Map<String, Object> upload(UUID uploadId) {
        return jdbc.queryForMap("SELECT status, attempt, rows_processed FROM uploads WHERE id = ?", uploadId);
    }

    private static String loaded(UploadClient client, HttpResponse<String> accepted) {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = (String) TestHttp.json(accepted).get("uploadId");
        assertThat(client.awaitFinished(id)).containsEntry("status", "completed");
        return id;
    }

    /**
     * A replica's log, every line of it a JSON object (the JVM's own warnings aside,
     * which do not start with a brace).
     */
    private List<JsonNode> logEvents(String replica) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : replicas.get(replica).log().lines().filter(l -> l.startsWith("{")).toList()) {
            events.add(json.readTree(line));
        }
        assertThat(events).as("JSON lines in the log of " + replica).isNotEmpty();
        return events;
    }

    @SuppressWarnings("unchecked")
    private int rows(String replica, String token, String query) {
        TestHttp http = replicas.http(replica);
        HttpResponse<String> response = http.send(http.request("/api/v1/query")
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(query)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ((List<Object>) TestHttp.json(response).get("rows")).size();
    }

    private static String clientToken(IdentityClient identity, Map<String, Object> client) {
        HttpResponse<String> issued = identity.http.send(identity.http.request("/api/v1/auth/token")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString("grant_type=client_credentials&client_id=" + client.get("clientId")
                    + "&client_secret=" + client.get("clientSecret"))));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return (String) TestHttp.json(issued).get("access_token");
    }

    /** Whether a new request gets an answer other than 503 within two seconds. */
    private static boolean takes(URI uri) {
        try {
            int status = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
            return status != 503;
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Lists the working directories (java.io.tmpdir and data directory inside) of the
     * replicas not starting again every 20 ms and keeps any path that was not there when
     * it began.
     */
    private static final class DiskSampler {

        private final List<Path> roots;

        private final Set<Path> before;

        private final Set<Path> seen = ConcurrentHashMap.newKeySet();

        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

        DiskSampler(ReplicaGroup replicas) {
            this.roots = replicas.steady().stream().map(name -> replicas.get(name).root()).toList();
            this.before = files();
            sampler.scheduleWithFixedDelay(() -> seen.addAll(files()), 0, 20, TimeUnit.MILLISECONDS);
        }

        void stop() throws InterruptedException {
            sampler.shutdown();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
        }

        Set<Path> added() {
            return seen.stream().filter(path -> !before.contains(path)).collect(Collectors.toSet());
        }

        private Set<Path> files() {
            Set<Path> all = new java.util.HashSet<>();
            for (Path root : roots) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.forEach(all::add);
                }
                catch (IOException | UncheckedIOException e) {
                    // a file vanished during the walk: the next sample sees the folder
                    // again
                }
            }
            return all;
        }

    }

}
