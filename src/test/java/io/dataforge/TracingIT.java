package io.dataforge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.dataforge.TraceReceiver.Received;
import io.dataforge.export.ExportFixture;
import io.dataforge.identity.IdentityClient;
import io.dataforge.load.UploadClient;
import io.dataforge.query.QueryClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One trace follows a job from the request that queued it to the worker that ran it,
 * exported over OTLP/HTTP to {@link TraceReceiver}. The suite runs at a sampling ratio of
 * 0: a trace gets through only because its caller sent a sampled {@code traceparent}
 * (parent-based sampling), or because the tail decision kept it (slow, failed, 4xx).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TracingIT {

    private static final String ORDERER = hex(8);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    RabbitTemplate rabbit;

    /** What the receiver got, for the reader of a failed run. */
    @AfterAll
    static void writeReceived() throws IOException {
        Files.write(Path.of("target/tracing-it-spans.txt"),
                TraceReceiver.all().stream().map(Received::toString).toList());
    }

    @Test
    void oneTraceSpansAnUploadFromItsRequestThroughStagingTheQueueTheCopyAndTheCallback(CapturedOutput output)
            throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            TestHttp http = new TestHttp(port);
            UploadClient loader = new UploadClient(http);
            String dataset = loader.dataset("{\"columns\": [{\"name\": \"id\", \"type\": \"bigint\"}]}");
            String callback = receiver.url();
            String traceId = hex(16);
            String boundary = "----traced";
            String multipart = part(boundary, "dataset", dataset) + part(boundary, "callbackUrl", callback) + "--"
                    + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ids.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\nid\n1\n2\n3\r\n--" + boundary + "--\r\n";
            HttpResponse<String> accepted = http.send(http.request("/api/v1/uploads")
                .header("Authorization", "Bearer " + loader.token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("traceparent", sampled(traceId))
                .POST(BodyPublishers.ofString(multipart)));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String uploadId = (String) TestHttp.json(accepted).get("uploadId");
            assertThat(loader.awaitFinished(uploadId)).containsEntry("status", "completed");
            await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.traceparents().isEmpty());

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<Received> spans = TraceReceiver.trace(traceId);
                Received request = one(spans, "the upload request",
                        s -> s.kind().equals("SPAN_KIND_SERVER") && "/api/v1/uploads".equals(s.attribute("url.path")));
                assertThat(request.attribute("http.response.status_code")).isEqualTo("202");
                one(spans, "the S3 staging", s -> "S3".equals(s.attribute("rpc.service")));
                Received publish = one(spans, "the publish",
                        s -> s.kind().equals("SPAN_KIND_PRODUCER") && s.name().equals("publish dataforge.load"));
                one(spans, "the worker's consume, child of the publish",
                        s -> s.name().equals("dataforge.load") && s.parentSpanId().equals(publish.spanId()));
                Received copy = one(spans, "the COPY", s -> s.name().startsWith("COPY ") && s.name().contains(dataset));
                assertThat(statement(copy)).startsWith("COPY \"datasets\".\"" + dataset + "\" (")
                    .endsWith("FROM STDIN WITH (FORMAT binary)");
                Received post = one(spans, "the callback POST",
                        s -> s.kind().equals("SPAN_KIND_CLIENT") && s.name().equals("POST"));
                assertThat(post.attribute("url.full")).isEqualTo(callback);
                assertThat(post.attribute("http.response.status_code")).isEqualTo("204");
                assertThat(spans).filteredOn(s -> statement(s) != null)
                    .as("statements carry their text, never the values bound to them")
                    .hasSizeGreaterThan(5)
                    .allSatisfy(s -> assertThat(statement(s)).doesNotContain(uploadId, loader.accountId));
            });
            assertThat(receiver.traceparents().get(0)).as("the callback's traceparent").contains(traceId);
            assertThat(output.getAll().lines().filter(line -> line.contains("Loaded upload " + uploadId)))
                .as("the loader's log line carries the trace id")
                .singleElement()
                .asString()
                .contains(traceId);
        }
    }

    @Test
    void anExportOrderedOverRestHasItsRenderSpansInTheOrderingTrace() {
        ExportFixture fixture = new ExportFixture(new IdentityClient(new TestHttp(port)), jdbc, 20);
        QueryClient exporter = new QueryClient(fixture.identity, fixture.tenant, "EXPORTER");
        String traceId = hex(16);
        HttpResponse<String> ordered = exporter.http.send(exporter.http.request("/api/v1/exports")
            .header("Authorization", "Bearer " + exporter.token)
            .header("Content-Type", "application/json")
            .header("traceparent", sampled(traceId))
            .POST(BodyPublishers.ofString(fixture.order("csv"))));
        assertThat(ordered.statusCode()).as(ordered.body()).isEqualTo(202);
        awaitSucceeded(exporter, (String) TestHttp.json(ordered).get("jobId"));

        assertRendered(traceId, fixture.dataset);
        one(TraceReceiver.trace(traceId), "the order request, child of the orderer's span",
                s -> s.kind().equals("SPAN_KIND_SERVER") && "/api/v1/exports".equals(s.attribute("url.path"))
                        && s.parentSpanId().equals(ORDERER));
    }

    @Test
    void anExportOrderedOverAmqpHasItsRenderSpansInTheOrderingTrace() {
        ExportFixture fixture = new ExportFixture(new IdentityClient(new TestHttp(port)), jdbc, 20);
        QueryClient exporter = new QueryClient(fixture.identity, fixture.tenant, "EXPORTER");
        String traceId = hex(16);
        rabbit.convertAndSend("dataforge.exports.requests", "dataforge.exports.requests", fixture.order("json"),
                message -> {
                    message.getMessageProperties().setHeader("Authorization", "Bearer " + exporter.token);
                    message.getMessageProperties().setHeader("traceparent", sampled(traceId));
                    message.getMessageProperties().setContentType("application/json");
                    return message;
                });
        String jobId = await().atMost(Duration.ofSeconds(30))
            .until(() -> jdbc.queryForList("SELECT id::text FROM export_jobs WHERE tenant_id = ?::uuid", String.class,
                    fixture.tenant), jobs -> !jobs.isEmpty())
            .get(0);
        awaitSucceeded(exporter, jobId);

        assertRendered(traceId, fixture.dataset);
        one(TraceReceiver.trace(traceId), "the order's consume, child of the orderer's span",
                s -> s.name().equals("dataforge.exports.requests") && s.parentSpanId().equals(ORDERER));
    }

    @Test
    void aQuerySlowerThanASecondIsExportedAtRatioZeroAndAFastOneIsNot() throws Exception {
        ExportFixture fixture = new ExportFixture(new IdentityClient(new TestHttp(port)), jdbc, 5);
        QueryClient analyst = new QueryClient(fixture.identity, fixture.tenant, "VIEWER");
        String table = "datasets." + fixture.dataset;
        assertThat(analyst.rows("{\"dataset\": \"" + fixture.dataset + "\", \"page\": {\"limit\": 3}}")).hasSize(3);

        CountDownLatch locked = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                connection.setAutoCommit(false);
                sql.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
                locked.countDown();
                sql.execute("SELECT pg_sleep(1.3)"); // the lock held past the keep
                                                     // threshold
                connection.commit();
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        long started = System.nanoTime();
        assertThat(analyst.rows("{\"dataset\": \"" + fixture.dataset + "\", \"page\": {\"limit\": 4}}")).hasSize(4);
        assertThat(System.nanoTime() - started).as("the query waited for the lock")
            .isGreaterThan(Duration.ofSeconds(1).toNanos());
        holder.get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Received> requests = queriesOn("\"datasets\".\"" + fixture.dataset + "\"");
            assertThat(requests).as("query requests exported").hasSize(1);
            assertThat(requests.get(0).durationNanos()).isGreaterThan(Duration.ofSeconds(1).toNanos());
        });
    }

    @Test
    void theTraceIdInA400BodyIsOneTheReceiverGot() {
        ExportFixture fixture = new ExportFixture(new IdentityClient(new TestHttp(port)), jdbc, 1);
        QueryClient analyst = new QueryClient(fixture.identity, fixture.tenant, "VIEWER");
        HttpResponse<String> refused = analyst.query("{\"dataset\": \"" + fixture.dataset
                + "\", \"filter\": {\"column\": \"no_such_column\"," + " \"op\": \"eq\", \"value\": \"x\"}}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        String traceId = (String) TestHttp.json(refused).get("traceId");
        assertThat(traceId).matches("[0-9a-f]{32}");

        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(TraceReceiver.trace(traceId))
                .anySatisfy(span -> assertThat(span.attribute("http.response.status_code")).isEqualTo("400")));
    }

    /** The SERVER spans of query requests whose trace holds a statement on this table. */
    private static List<Received> queriesOn(String table) {
        return TraceReceiver.all()
            .stream()
            .filter(s -> s.kind().equals("SPAN_KIND_SERVER") && "/api/v1/query".equals(s.attribute("url.path")))
            .filter(request -> TraceReceiver.trace(request.traceId())
                .stream()
                .anyMatch(s -> String.valueOf(statement(s)).contains(table)))
            .toList();
    }

    /**
     * The ordering trace holds the render: the job's publish, the worker's consume that
     * follows it, the SELECT on the dataset and the S3 upload of the file.
     */
    private static void assertRendered(String traceId, String dataset) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Received> spans = TraceReceiver.trace(traceId);
            Received publish = one(spans, "the job's publish",
                    s -> s.kind().equals("SPAN_KIND_PRODUCER") && s.name().equals("publish dataforge.exports"));
            one(spans, "the render worker's consume",
                    s -> s.name().equals("dataforge.exports") && s.parentSpanId().equals(publish.spanId()));
            one(spans, "the render's SELECT",
                    s -> String.valueOf(statement(s)).contains("\"datasets\".\"" + dataset + "\""));
            one(spans, "the file's upload to S3", s -> "S3".equals(s.attribute("rpc.service"))
                    && String.valueOf(s.attribute("rpc.method")).matches("PutObject|CompleteMultipartUpload"));
        });
    }

    /** A statement's text, under the database semantic conventions' old or new name. */
    private static String statement(Received span) {
        String text = span.attribute("db.query.text");
        return text != null ? text : span.attribute("db.statement");
    }

    private static void awaitSucceeded(QueryClient client, String jobId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            HttpResponse<String> job = client.http.send(client.http.request("/api/v1/exports/" + jobId)
                .header("Authorization", "Bearer " + client.token)
                .GET());
            return "Succeeded".equals(TestHttp.json(job).get("state"));
        });
    }

    private static Received one(List<Received> spans, String what, java.util.function.Predicate<Received> match) {
        List<Received> found = spans.stream().filter(match).toList();
        assertThat(found).as(what + " in " + names(spans)).isNotEmpty();
        return found.get(0);
    }

    private static List<String> names(List<Received> spans) {
        return spans.stream().map(s -> s.kind().replace("SPAN_KIND_", "") + " " + s.name()).toList();
    }

    private static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    /** A caller's sampled span in {@code traceId}, the parent of what it asks for. */
    private static String sampled(String traceId) {
        return "00-" + traceId + "-" + ORDERER + "-01";
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

}
