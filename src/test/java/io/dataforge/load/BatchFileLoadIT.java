package io.dataforge.load;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;
import io.dataforge.batches.BatchClient;
import io.dataforge.platform.storage.ObjectStore;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Files of a completed batch that match the account's load rules are loaded like uploads,
 * once, in place.
 */
@IntegrationTest
class BatchFileLoadIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectStore store;

    @Autowired
    RabbitTemplate rabbit;

    @Test
    void aMatchingFileOfACompletedBatchLoadsOnceAndStaysInPlace() {
        TestHttp http = new TestHttp(port);
        BatchClient site = new BatchClient(http);
        UploadClient admin = new UploadClient(http);
        String dataset = admin.dataset("{\"columns\": [{\"name\": \"sku\", \"type\": \"text\", \"required\": true},"
                + " {\"name\": \"qty\", \"type\": \"integer\"}]}");
        HttpResponse<String> ruled = putRules(http, site.accountId,
                "[{\"pattern\": \"sales*.csv.gz\", \"dataset\": \"" + dataset + "\"}]");
        assertThat(ruled.statusCode()).as(ruled.body()).isEqualTo(200);
        String batchId = site.start();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("sales-2026-11-23.csv.gz", UploadClient.gzip("sku,qty\nA-1,3\nB-2,5\n"));
        files.put("stock.csv.gz", UploadClient.gzip("sku,qty\nC-3,7\n"));
        assertThat(site.upload(batchId, files).statusCode()).isEqualTo(200);

        assertThat(site.post("/api/v1/batch/" + batchId + "/complete").statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30))
            .until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM uploads WHERE created_by = ? AND status = 'completed'", Long.class,
                    "batch:" + batchId) == 1);
        assertThat(jdbc.queryForList("SELECT sku FROM datasets." + dataset + " ORDER BY sku", String.class))
            .containsExactly("A-1", "B-2");
        Map<String, Object> upload = jdbc.queryForMap(
                "SELECT file_name, staging_key, account_id::text AS account FROM uploads WHERE created_by = ?",
                "batch:" + batchId);
        assertThat(upload).containsEntry("file_name", "sales-2026-11-23.csv.gz")
            .containsEntry("account", site.accountId);
        assertThat(store.head((String) upload.get("staging_key"))).as("the batch's file stays where the site put it")
            .isPresent();

        rabbit.convertAndSend("dataforge.events", "batch.completed",
                "{\"batchId\":\"" + batchId + "\",\"accountId\":\"" + site.accountId + "\",\"status\":\"COMPLETED\"}");
        await().during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(5))
            .until(() -> jdbc.queryForObject("SELECT count(*) FROM uploads WHERE created_by = ?", Long.class,
                    "batch:" + batchId) == 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM datasets." + dataset, Long.class)).isEqualTo(2);
    }

    @Test
    void rulesNeedAKnownDatasetAndAFileNameGlob() {
        TestHttp http = new TestHttp(port);
        UploadClient admin = new UploadClient(http);
        String dataset = admin.dataset("{\"columns\": [{\"name\": \"sku\", \"type\": \"text\"}]}");

        assertThat(putRules(http, admin.accountId, "[{\"pattern\": \"x*.csv.gz\", \"dataset\": \"no_such\"}]")
            .statusCode()).isEqualTo(400);
        HttpResponse<String> badGlob = putRules(http, admin.accountId,
                "[{\"pattern\": \"../*.csv\", \"dataset\": \"" + dataset + "\"}]");
        assertThat(badGlob.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(badGlob)).as("names the field and the rule")
            .containsEntry("code", "VALIDATION_FAILED")
            .extracting(body -> ((Map<?, ?>) body.get("details")).keySet())
            .isEqualTo(java.util.Set.of("rules[0].pattern"));
        assertThat(putRules(http, UUID.randomUUID().toString(), "[]").statusCode()).isEqualTo(404);
        assertThat(putRules(http, admin.accountId, "[{\"pattern\": \"a?.csv\", \"dataset\": \"" + dataset + "\"}]")
            .statusCode()).isEqualTo(200);
        Map<String, Object> listed = TestHttp
            .json(admin.identity.adminGet("/admin/accounts/" + admin.accountId + "/load-rules"));
        assertThat((List<Object>) listed.get("rules")).containsExactly(Map.of("pattern", "a?.csv", "dataset", dataset));
    }

    private static HttpResponse<String> putRules(TestHttp http, String accountId, String rules) {
        return http.send(http.asAdmin("/admin/accounts/" + accountId + "/load-rules")
            .header("Content-Type", "application/json")
            .PUT(BodyPublishers.ofString("{\"rules\": " + rules + "}")));
    }

}
