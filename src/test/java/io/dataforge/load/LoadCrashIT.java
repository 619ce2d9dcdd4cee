package io.dataforge.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.dataforge.IntegrationTest;
import io.dataforge.SharedWorker;
import io.dataforge.WorkerProcess;
import io.dataforge.TestHttp;
import io.dataforge.platform.storage.ObjectStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A worker killed with -9 in the middle of a COPY, and started again: the load's one
 * transaction died with the process, the unacknowledged message comes back, and the file
 * is loaded exactly once. The worker is the {@link SharedWorker}: the packaged jar as its
 * own process on this context's PostgreSQL, S3 and broker.
 */
@IntegrationTest
class LoadCrashIT {

    /**
     * Enough rows for a COPY of several seconds; not a multiple of the progress step, so
     * progress stays below.
     */
    private static final int ROWS = 200_500;

    @Autowired
    Environment env;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectStore store;

    @Test
    void workerKilledMidCopyKeepsNothingAndTheRedeliveredMessageLoadsTheFileExactlyOnce() throws Exception {
        WorkerProcess worker = SharedWorker.get(env).process;
        UploadClient client = new UploadClient(worker.http());
        String dataset = client.dataset(GeneratedCsv.DATASET);
        // the instance may write nothing to disk while it takes and loads the upload: its
        // java.io.tmpdir, working
        // directory and data directory are sampled all along for files that were not
        // there before
        Set<Path> before = files(worker.root());
        Set<Path> seen = ConcurrentHashMap.newKeySet();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> seen.addAll(files(worker.root())), 0, 20, TimeUnit.MILLISECONDS);
        HttpResponse<String> accepted = GeneratedCsv.upload(client, dataset, "big.csv", ROWS);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        UUID uploadId = UUID.fromString((String) TestHttp.json(accepted).get("uploadId"));

        // well into the COPY (a quarter of the rows streamed to PostgreSQL), which is
        // visibly running
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            Map<String, Object> upload = row(uploadId);
            return "processing".equals(upload.get("status")) && (Long) upload.get("rows_processed") >= ROWS / 4
                    && copiesInto(dataset) == 1;
        });
        sampler.shutdownNow();
        worker.kill();
        assertThat(seen).as("files written while uploading and loading")
            .contains(worker.root().resolve("app.log"))
            .isSubsetOf(before);

        Map<String, Object> killed = row(uploadId);
        assertThat(loadedRows(dataset, uploadId)).as("rows of the killed load's transaction").isZero();
        assertThat(killed).containsEntry("status", "processing").containsEntry("attempt", 1);
        assertThat((Long) killed.get("rows_processed")).as("killed in the middle of the COPY")
            .isBetween(ROWS / 4L, ROWS - 1L);
        assertThat(stagedObjects(uploadId)).as("the staged file is kept").hasSize(1);
        await().atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(50))
            .alias("PostgreSQL ended the dead client's COPY")
            .until(() -> copiesInto(dataset) == 0);

        worker.start();
        Map<String, Object> done = client.awaitFinished(uploadId.toString());

        assertThat(done).containsEntry("status", "completed")
            .containsEntry("createdRows", ROWS)
            .containsEntry("rowsProcessed", ROWS)
            .containsEntry("skippedRows", 0)
            .containsEntry("attempt", 2);
        Map<String, Object> table = jdbc.queryForMap("SELECT count(*) AS n, count(DISTINCT id) AS ids, min(id) AS low,"
                + " max(id) AS high, sum(amount) AS total, count(*) FILTER (WHERE upload_id <> ?) AS others FROM datasets."
                + dataset, uploadId);
        assertThat(table).containsEntry("n", (long) ROWS)
            .containsEntry("ids", (long) ROWS)
            .containsEntry("low", 1L)
            .containsEntry("high", (long) ROWS)
            .containsEntry("others", 0L);
        assertThat((BigDecimal) table.get("total")).isEqualByComparingTo(GeneratedCsv.totalAmount(ROWS));
        assertThat(stagedObjects(uploadId)).as("the staged file is deleted after the load").isEmpty();
    }

    private static Set<Path> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.collect(Collectors.toSet());
        }
        catch (IOException | UncheckedIOException e) {
            return Set.of(); // a file vanished during the walk: the next sample sees the
                             // folder again
        }
    }

    private Map<String, Object> row(UUID uploadId) {
        return jdbc.queryForMap("SELECT status, attempt, rows_processed FROM uploads WHERE id = ?", uploadId);
    }

    private long loadedRows(String dataset, UUID uploadId) {
        return jdbc.queryForObject("SELECT count(*) FROM datasets." + dataset + " WHERE upload_id = ?", Long.class,
                uploadId);
    }

    private long copiesInto(String dataset) {
        return jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE query LIKE ?", Long.class,
                "COPY %" + dataset + "%");
    }

    private List<String> stagedObjects(UUID uploadId) {
        return store.list("staging/uploads/" + uploadId + "/").toList();
    }

}
