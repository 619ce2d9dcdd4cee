package io.dataforge.load.webhooks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;
import io.dataforge.load.UploadClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Callbacks of finished loads reach a real HTTP receiver, signed, retried on 5xx, and
 * given up after the retries.
 */
@IntegrationTest
class UploadWebhookIT {

    @LocalServerPort
    int port;

    UploadClient client;

    HttpServer receiver;

    final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

    final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        client = new UploadClient(new TestHttp(port));
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received
                .add(Map.of("body", body, "signature", exchange.getRequestHeaders().getFirst("X-DataForge-Signature")));
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void theCallbackIsDeliveredOnceSignedWithTheAccountsKey() throws Exception {
        String uploadId = upload();

        await().atMost(Duration.ofSeconds(30)).until(() -> "delivered".equals(webhook(uploadId).get("status")));

        assertThat(received).hasSize(1);
        Map<String, Object> payload = TestHttp.json(received.get(0).get("body"));
        assertThat(payload).containsEntry("uploadId", uploadId)
            .containsEntry("status", "completed")
            .containsEntry("rowsProcessed", 2)
            .containsEntry("rowsFailed", 0)
            .containsKey("timestamp");
        String key = (String) TestHttp
            .json(client.identity.adminGet("/admin/accounts/" + client.accountId + "/webhook-secret"))
            .get("webhookSecret");
        assertThat(received.get(0).get("signature"))
            .isEqualTo("sha256=" + DeliverWebhookProcessor.sign(key, received.get(0).get("body")));
        assertThat(webhook(uploadId)).containsEntry("attempts", 1).containsEntry("error", null);
    }

    @Test
    void aCallbackAnswering500IsRetriedUntilItIsTaken() {
        failuresLeft.set(2);

        String uploadId = upload();

        await().atMost(Duration.ofSeconds(30)).until(() -> "delivered".equals(webhook(uploadId).get("status")));
        assertThat(received).hasSize(3);
        assertThat(webhook(uploadId)).containsEntry("attempts", 3);
    }

    @Test
    void aCallbackThatKeepsFailingIsGivenUpAfterThreeRetriesAndTheLoadStillCompletes() {
        failuresLeft.set(Integer.MAX_VALUE);

        String uploadId = upload();

        await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(webhook(uploadId).get("status")));
        assertThat(received).hasSize(4);
        Map<String, Object> upload = TestHttp.json(client.get("/api/v1/uploads/" + uploadId));
        assertThat(upload).containsEntry("status", "completed").containsEntry("createdRows", 2);
        assertThat(webhook(uploadId)).containsEntry("attempts", 4);
        assertThat(webhook(uploadId).get("error").toString()).contains("500");
    }

    private String upload() {
        String dataset = client
            .dataset("{\"columns\": [{\"name\": \"id\", \"type\": \"bigint\", \"required\": true}]}");
        Map<String, String> fields = UploadClient.fields(dataset);
        fields.put("callbackUrl", "http://localhost:" + receiver.getAddress().getPort() + "/hook");
        var accepted = client.upload("ids.csv", "text/csv", "id\n1\n2\n".getBytes(StandardCharsets.UTF_8), fields);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return (String) TestHttp.json(accepted).get("uploadId");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> webhook(String uploadId) {
        return (Map<String, Object>) TestHttp.json(client.get("/api/v1/uploads/" + uploadId)).get("webhook");
    }

}
