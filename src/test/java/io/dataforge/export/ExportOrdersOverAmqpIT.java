package io.dataforge.export;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;
import io.dataforge.export.render.ExportFiles;
import io.dataforge.export.render.ExportFormat;
import io.dataforge.identity.IdentityClient;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders published on {@code dataforge.exports.requests} by another system, with a stock
 * AMQP client (Spring's RabbitTemplate): a valid one (a bearer token, or an API client's
 * Basic credentials) creates a job as REST does and its reply names it; a forged token or
 * a bad body goes to {@code dataforge.exports.dlq} with the reason in a header, and
 * creates nothing.
 */
@IntegrationTest
class ExportOrdersOverAmqpIT {

    private static final String REQUESTS = "dataforge.exports.requests";

    private static final String DLQ = "dataforge.exports.dlq";

    @LocalServerPort
    int port;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    AmqpAdmin amqp;

    @Autowired
    JdbcTemplate jdbc;

    private final List<Message> seen = new java.util.ArrayList<>();

    @Test
    void anOrderWithAValidTokenCreatesTheJobAndTheReplyNamesIt() throws Exception {
        ExportFixture fixture = new ExportFixture(new IdentityClient(new TestHttp(port)), jdbc, 25);
        ExportClient exporter = new ExportClient(fixture.identity, fixture.tenant, "EXPORTER");
        String replies = amqp.declareQueue(new Queue("export-replies-" + UUID.randomUUID(), false, false, true));
        String correlation = UUID.randomUUID().toString();

        publish(fixture.order("csv"), "Bearer " + exporter.token, replies, correlation);
        Message reply = rabbit.receive(replies, 30_000);

        assertThat(reply).as("reply").isNotNull();
        assertThat(reply.getMessageProperties().getCorrelationId()).isEqualTo(correlation);
        Map<String, Object> body = TestHttp.json(new String(reply.getBody(), StandardCharsets.UTF_8));
        assertThat(body).containsEntry("state", "Pending").containsEntry("created", true);
        String jobId = (String) body.get("jobId");
        Map<String, Object> job = exporter.awaitState(jobId, "Succeeded");
        assertThat(job).containsEntry("rowsProcessed", 25);
        List<List<String>> table = ExportFiles.table(ExportFormat.CSV, ExportFixture.COLUMNS,
                ExportClient.fetch((String) job.get("downloadUrl")));
        assertThat(table.subList(1, table.size())).isEqualTo(fixture.expected);
    }

    @Test
    void anApiClientsBasicCredentialsOrderAJobToo() {
        ExportFixture fixture = new ExportFixture(new IdentityClient(new TestHttp(port)), jdbc, 3);
        Map<String, Object> client = TestHttp.json(fixture.identity.adminPost(
                "/admin/accounts/" + fixture.tenant + "/clients", "{\"name\":\"amqp\",\"roles\":[\"EXPORTER\"]}"));
        String basic = java.util.Base64.getEncoder()
            .encodeToString(
                    (client.get("clientId") + ":" + client.get("clientSecret")).getBytes(StandardCharsets.UTF_8));
        String replies = amqp.declareQueue(new Queue("export-replies-" + UUID.randomUUID(), false, false, true));

        publish(fixture.order("json"), "Basic " + basic, replies, "basic-order");
        Message reply = rabbit.receive(replies, 30_000);

        assertThat(reply).as("reply").isNotNull();
        assertThat(TestHttp.json(new String(reply.getBody(), StandardCharsets.UTF_8))).containsEntry("created", true);
        assertThat(jdbc.queryForObject("SELECT principal FROM export_jobs WHERE tenant_id = ?::uuid", String.class,
                fixture.tenant))
            .isEqualTo("client:" + client.get("clientId"));
    }

    @Test
    void aForgedTokenOrABadBodyGoesToTheDeadLetterQueueWithTheReason() {
        ExportFixture fixture = new ExportFixture(new IdentityClient(new TestHttp(port)), jdbc, 5);
        ExportClient exporter = new ExportClient(fixture.identity, fixture.tenant, "EXPORTER");
        String[] parts = exporter.token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        String forgedMarker = UUID.randomUUID().toString();
        String badBodyMarker = UUID.randomUUID().toString();

        String order = fixture.order("csv");
        publish(order.substring(0, order.length() - 1) + ", \"marker\": \"" + forgedMarker + "\"}", "Bearer " + forged,
                null, null);
        publish("[\"" + badBodyMarker + "\"]", "Bearer " + exporter.token, null, null);

        // the requests queue has several consumers, so the two dead letters may come in
        // either order
        Message first = deadLetter(forgedMarker);
        Message second = deadLetter(badBodyMarker);
        assertThat(first.getMessageProperties().<Object>getHeader("x-dataforge-status")).isEqualTo(401);
        assertThat(first.getMessageProperties().<String>getHeader("x-dataforge-error"))
            .contains("bearer token is not valid");
        assertThat(second.getMessageProperties().<Object>getHeader("x-dataforge-status")).isEqualTo(400);
        assertThat(second.getMessageProperties().<String>getHeader("x-dataforge-error")).contains("JSON object");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM export_jobs WHERE tenant_id = ?::uuid", Long.class,
                fixture.tenant))
            .isZero();
    }

    private void publish(String body, String authorization, String replyTo, String correlationId) {
        rabbit.convertAndSend(REQUESTS, REQUESTS, body, message -> {
            message.getMessageProperties().setHeader("Authorization", authorization);
            message.getMessageProperties().setContentType("application/json");
            if (replyTo != null) {
                message.getMessageProperties().setReplyTo(replyTo);
                message.getMessageProperties().setCorrelationId(correlationId);
            }
            return message;
        });
    }

    /**
     * The dead letter carrying {@code marker}; others seen on the way are kept for a
     * later call.
     */
    private Message deadLetter(String marker) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            Message message = seen.stream()
                .filter(m -> carries(m, marker))
                .findFirst()
                .orElseGet(() -> rabbit.receive(DLQ, 1000));
            if (message != null && carries(message, marker)) {
                seen.remove(message);
                return message;
            }
            if (message != null) {
                seen.add(message);
            }
        }
        throw new AssertionError("no dead letter with " + marker);
    }

    private static boolean carries(Message message, String marker) {
        return new String(message.getBody(), StandardCharsets.UTF_8).contains(marker);
    }

}
