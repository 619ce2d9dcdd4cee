package io.dataforge.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.dataforge.IntegrationTest;
import io.dataforge.TcpProxy;
import io.dataforge.SharedWorker;
import io.dataforge.TestHttp;
import io.dataforge.platform.storage.ObjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The broker is unreachable when a file is uploaded: the upload is still accepted, its
 * load message waits in the outbox, and once the broker answers again the instance
 * publishes it and loads the file, nothing lost. The instance is the
 * {@link SharedWorker}, the packaged jar as its own process, reaching this context's
 * broker through a {@link TcpProxy} that is switched off and on. Uploads are republished
 * only by instances on their load queue, so this context (and any other cached one on the
 * same database) leaves the child's upload alone.
 */
@IntegrationTest
class LoadBrokerOutageIT {

    private static final int ROWS = 20_000;

    @Autowired
    Environment env;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectStore store;

    private TcpProxy proxy;

    @AfterEach
    void brokerBack() throws Exception {
        if (proxy != null) {
            proxy.on();
        }
    }

    @Test
    void uploadAcceptedWhileTheBrokerIsDownIsLoadedOnceItIsBack() throws Exception {
        SharedWorker worker = SharedWorker.get(env);
        proxy = worker.broker;
        UploadClient client = new UploadClient(worker.http());
        String dataset = client.dataset(GeneratedCsv.DATASET);

        proxy.off();
        HttpResponse<String> accepted = GeneratedCsv.upload(client, dataset, "during-outage.csv", ROWS);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        UUID uploadId = UUID.fromString((String) TestHttp.json(accepted).get("uploadId"));
        assertThat(row(uploadId)).containsEntry("published", false).containsEntry("status", "uploaded");
        // the republish timer runs every second meanwhile; a publish that fails leaves
        // the upload in the outbox, and
        // instances on other load queues (this test's context) leave it alone
        await().during(Duration.ofSeconds(3))
            .atMost(Duration.ofSeconds(5))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> row(uploadId).equals(Map.of("published", false, "status", "uploaded")));

        proxy.on();
        Map<String, Object> done = client.awaitFinished(uploadId.toString());

        assertThat(done).containsEntry("status", "completed")
            .containsEntry("createdRows", ROWS)
            .containsEntry("skippedRows", 0)
            .containsEntry("attempt", 1);
        assertThat(row(uploadId)).containsEntry("published", true);
        Map<String, Object> table = jdbc
            .queryForMap("SELECT count(*) AS n, count(DISTINCT id) AS ids, sum(amount) AS total,"
                    + " count(*) FILTER (WHERE upload_id <> ?) AS others FROM datasets." + dataset, uploadId);
        assertThat(table).containsEntry("n", (long) ROWS).containsEntry("ids", (long) ROWS).containsEntry("others", 0L);
        assertThat((BigDecimal) table.get("total")).isEqualByComparingTo(GeneratedCsv.totalAmount(ROWS));
        assertThat(store.list("staging/uploads/" + uploadId + "/")).as("the staged file is deleted after the load")
            .isEmpty();
    }

    private Map<String, Object> row(UUID uploadId) {
        return jdbc.queryForMap("SELECT published, status FROM uploads WHERE id = ?", uploadId);
    }

}
