package io.dataforge.export;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

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
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Export workers as their own process (the {@link SharedWorker}: the packaged jar on this
 * context's PostgreSQL, S3 and broker, on queues of its own): the per-tenant limit with
 * more jobs than slots, a worker killed with -9 in the middle of an export, an order
 * taken while the broker is down, and S3 failing for a while and for good.
 */
@IntegrationTest
class ExportWorkerIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectStore store;

    @Autowired
    DataSource dataSource;

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
    void twelveJobsOfOneTenantRunAtMostTenAtATimeAndTheRestStartInOrderAsSlotsFree() throws Exception {
        ExportFixture fixture = new ExportFixture(new IdentityClient(worker.http()), jdbc, 50);
        ExportClient exporter = new ExportClient(fixture.identity, fixture.tenant, "EXPORTER");
        List<String> jobs = new ArrayList<>();
        List<String> parked;
        // the dataset locked: every job that gets a slot waits on its first read, holding
        // the slot
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("LOCK TABLE datasets." + fixture.dataset + " IN ACCESS EXCLUSIVE MODE");
            for (int i = 0; i < 12; i++) {
                jobs.add(exporter.ordered(fixture.order("csv")
                    .replace("\"sort\"",
                            "\"filter\": {\"column\": \"id\", \"op\": \">\", \"value\": " + i + "}, \"sort\"")));
            }
            await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> count(fixture, "state = 'Running'") == 10
                        && count(fixture, "state = 'Pending' AND NOT published") == 2);
            await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2))
                .until(() -> count(fixture, "state = 'Running'") == 10);
            parked = jdbc
                .queryForList("SELECT id::text FROM export_jobs WHERE tenant_id = ?::uuid AND state = 'Pending'"
                        + " ORDER BY created_at", String.class, fixture.tenant);
            lock.rollback();
        }
        for (String job : jobs) {
            exporter.awaitState(job, "Succeeded");
        }

        Timestamp firstFinish = jdbc.queryForObject(
                "SELECT min(finished_at) FROM export_jobs WHERE tenant_id = ?::uuid" + " AND NOT (id::text = ANY (?))",
                Timestamp.class, fixture.tenant, parked.toArray(new String[0]));
        List<Timestamp> parkedStarts = parked.stream()
            .map(id -> jdbc.queryForObject("SELECT started_at FROM export_jobs" + " WHERE id = ?::uuid",
                    Timestamp.class, id))
            .toList();
        assertThat(parkedStarts).as("waiting jobs start once slots free, in the order they were placed")
            .allSatisfy(start -> assertThat(start).isAfterOrEqualTo(firstFinish))
            .isSorted();
    }

    private long count(ExportFixture fixture, String condition) {
        return jdbc.queryForObject("SELECT count(*) FROM export_jobs WHERE tenant_id = ?::uuid AND " + condition,
                Long.class, fixture.tenant);
    }

    @Test
    void aWorkerKilledMidExportLeavesNoFileAndTheRedeliveredJobMakesExactlyOne() throws Exception {
        int rows = 200_000;
        ExportFixture fixture = new ExportFixture(new IdentityClient(worker.http()), jdbc, 0);
        fixture.addRows(jdbc, 1, rows);
        ExportClient exporter = new ExportClient(fixture.identity, fixture.tenant, "EXPORTER");
        String jobId = exporter.ordered(fixture.order("csv", "gzip"));
        String folder = "exports/" + fixture.tenant + "/" + jobId + "/";
        await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> jdbc.queryForObject("SELECT rows_processed FROM export_jobs WHERE id = ?::uuid", Long.class,
                    jobId) >= 50_000);

        worker.kill();

        Map<String, Object> killed = jdbc
            .queryForMap("SELECT state, attempt, rows_processed FROM export_jobs WHERE id = ?::uuid", jobId);
        assertThat(killed).containsEntry("state", "Running").containsEntry("attempt", 1);
        assertThat((Long) killed.get("rows_processed")).isLessThan(rows);
        assertThat(store.list(folder)).as("no file from the killed attempt").isEmpty();

        worker.start();
        Map<String, Object> done = exporter.awaitState(jobId, "Succeeded");

        assertThat(jdbc.queryForObject("SELECT attempt FROM export_jobs WHERE id = ?::uuid", Integer.class, jobId))
            .isEqualTo(2);
        assertThat(store.list(folder)).as("exactly one file").hasSize(1);
        assertThat(store.pendingUploads(folder)).as("the killed attempt's upload was aborted").isZero();
        byte[] file = ExportClient.fetch((String) done.get("downloadUrl"));
        long count = 0;
        long sum = 0;
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(new ByteArrayInputStream(file)), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo(String.join(",", ExportFixture.COLUMNS));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                count++;
                sum += Long.parseLong(line.substring(0, line.indexOf(',')));
            }
        }
        assertThat(count).isEqualTo(rows);
        assertThat(sum).as("every id once").isEqualTo((long) rows * (rows + 1) / 2);
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
