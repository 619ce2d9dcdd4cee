package io.dataforge.export;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.dataforge.IntegrationTest;
import io.dataforge.TcpProxy;
import io.dataforge.SharedWorker;
import io.dataforge.WorkerProcess;
import io.dataforge.export.render.ExportFiles;
import io.dataforge.export.render.ExportFormat;
import io.dataforge.identity.IdentityClient;
import io.dataforge.platform.storage.ObjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Export workers as their own process (the {@link SharedWorker}: the packaged jar on this
 * context's PostgreSQL, S3 and broker, on queues of its own): an order taken while the
 * broker is down, and S3 failing for a while and for good. The per-tenant limit across
 * replicas and a renderer killed with -9 mid-export are MultiReplicaIT's.
 */
@IntegrationTest
class ExportWorkerIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectStore store;

    /**
     * The packaged jar shared by the process tests (12 export consumers, at most 10 jobs
     * per tenant, no S3 retries).
     */
    private SharedWorker shared;

    private WorkerProcess worker;

    private TcpProxy broker;

    private TcpProxy storage;

    @BeforeEach
    void sharedWorker(@Autowired Environment env) throws Exception {
        shared = SharedWorker.get(env);
        worker = shared.process;
        broker = shared.broker;
        storage = shared.storage;
    }

    @AfterEach
    void proxiesOn() throws Exception {
        broker.on();
        storage.on();
    }

    @Test
    void aJobOrderedWhileTheBrokerIsDownRunsOnceItIsBack() throws Exception {
        ExportFixture fixture = new ExportFixture(new IdentityClient(worker.http()), jdbc, 30);
        ExportClient exporter = new ExportClient(fixture.identity, fixture.tenant, "EXPORTER");

        broker.off();
        String jobId = exporter.ordered(fixture.order("ndjson"));

        assertThat(published(jobId)).isFalse();
        await().during(Duration.ofSeconds(3))
            .atMost(Duration.ofSeconds(5))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> !published(jobId) && "Pending".equals(exporter.job(jobId).get("state")));
        broker.on();
        Map<String, Object> done = exporter.awaitState(jobId, "Succeeded");

        assertThat(published(jobId)).isTrue();
        assertThat(done).containsEntry("rowsProcessed", 30);
        assertThat(new String(ExportClient.fetch((String) done.get("downloadUrl")), StandardCharsets.UTF_8).lines())
            .hasSize(30);
        assertThat(jdbc.queryForObject("SELECT attempt FROM export_jobs WHERE id = ?::uuid", Integer.class, jobId))
            .isEqualTo(1);
    }

    @Test
    void aTransientStorageFailureIsRetriedAndOneThatLastsFailsTheJobWithTheReason() throws Exception {
        ExportFixture fixture = new ExportFixture(new IdentityClient(worker.http()), jdbc, 20);
        ExportClient exporter = new ExportClient(fixture.identity, fixture.tenant, "EXPORTER");

        storage.off();
        String retried = exporter.ordered(fixture.order("csv"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> attempt(retried) >= 2);
        storage.on();
        Map<String, Object> done = exporter.awaitState(retried, "Succeeded");

        List<List<String>> table = ExportFiles.table(ExportFormat.CSV, ExportFixture.COLUMNS,
                ExportClient.fetch((String) done.get("downloadUrl")));
        assertThat(table.subList(1, table.size())).isEqualTo(fixture.expected);
        String folder = "exports/" + fixture.tenant + "/" + retried + "/";
        assertThat(store.list(folder)).hasSize(1);
        assertThat(store.pendingUploads(folder)).isZero();

        storage.off();
        String failing = exporter.ordered(fixture.order("json"));
        Map<String, Object> failed = exporter.awaitState(failing, "Failed");

        assertThat(attempt(failing)).as("the first attempt and 3 retries").isEqualTo(4);
        assertThat((String) failed.get("error")).startsWith("The export could not run:");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dead_letters WHERE convert_from(body, 'UTF8') LIKE ?",
                Long.class, "%" + failing + "%"))
            .isEqualTo(1);
        storage.on();
        assertThat(store.list("exports/" + fixture.tenant + "/" + failing + "/")).isEmpty();
    }

    private int attempt(String jobId) {
        return jdbc.queryForObject("SELECT attempt FROM export_jobs WHERE id = ?::uuid", Integer.class, jobId);
    }

    private boolean published(String jobId) {
        return jdbc.queryForObject("SELECT published FROM export_jobs WHERE id = ?::uuid", Boolean.class, jobId);
    }

}
