package io.dataforge.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.dataforge.IntegrationTest;
import io.dataforge.WorkerProcess;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The production jar watching a folder of its own with a heap too small for one file, as
 * the container runs it (-XX:+ExitOnOutOfMemoryError): the attempt ends the process, the
 * restart counts the stop in {@code watch_progress}, and once the configured number of
 * stops (one here, to keep the test to two starts) is reached the file is parked in the
 * error folder with its reason instead of being tried again: no crash loop, and the files
 * behind it go through.
 */
@IntegrationTest
class WatchOutOfMemoryIT extends WatchTestBase {

    /** The JVM's exit code when -XX:+ExitOnOutOfMemoryError ends it. */
    private static final int EXIT_ON_OUT_OF_MEMORY = 3;

    @Autowired
    Environment env;

    @Autowired
    AmqpAdmin amqp;

    @Test
    void fileThatRunsTheHeapOutIsParkedAfterTheConfiguredAttemptsAndTheNextFileIsProcessed() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path root = Path.of("target/watch-oom-" + run).toAbsolutePath();
        Path watchDir = Files.createDirectories(root.resolve("watch"));
        String prefix = "oom-" + run + "/";
        String big = "big-" + run + ".csv";
        String next = "next-" + run + ".csv";
        // the operator sized the conversion by hand beyond the heap (1 GB row groups, a
        // type sample of a million
        // rows): the sample of this 300,000-row file alone, about 270 MB as strings,
        // cannot fit a 160 MB heap
        WorkerProcess app = new WorkerProcess(env, root, "dataforge.watch-oom-" + run,
                Map.of("DATAFORGE_WATCH_DIR", watchDir.toString(), "DATAFORGE_WATCH_S3_PREFIX", prefix,
                        "DATAFORGE_WATCH_QUIET_PERIOD", "300ms", "DATAFORGE_WATCH_POLL_INTERVAL", "100ms",
                        "DATAFORGE_WATCH_CONCURRENCY", "1", "DATAFORGE_WATCH_MAX_INTERRUPTED_ATTEMPTS", "1",
                        "DATAFORGE_WATCH_TYPE_SAMPLE_ROWS", "1000000", "DATAFORGE_WATCH_PARQUET_ROW_GROUP_SIZE", "1GB"))

            .jvm("-Xmx160m", "-XX:+ExitOnOutOfMemoryError");
        try {
            WatchFixture.dropInto(watchDir, big, out -> EventsCsv.write(out, 300_000));
            app.launch();
            assertThat(app.awaitExit(Duration.ofMinutes(3))).as("the attempt ran out of memory")
                .isEqualTo(EXIT_ON_OUT_OF_MEMORY);
            assertThat(watch.status(big)).isEqualTo("in_progress");
            WatchFixture.dropInto(watchDir, next, out -> EventsCsv.write(out, 1000));
            app.jvm("-Xmx512m").start(); // the heap no longer matters: the restart parks
                                         // the file before reading it
            await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> "failed".equals(watch.status(big)) && "completed".equals(watch.status(next)));

            Map<String, Object> row = jdbc.queryForMap("SELECT * FROM watch_progress WHERE path = ?", big);
            assertThat(row.get("error_type")).isEqualTo("PROCESS_STOPPED");
            Path parked = watchDir.resolve(".errors").resolve(big);
            assertThat(parked).exists();
            assertThat(watchDir.resolve(big)).doesNotExist();
            Map<?, ?> report = json.readValue(watchDir.resolve(".errors").resolve(big + ".error.json").toFile(),
                    Map.class);
            assertThat(report.get("errorType")).isEqualTo("PROCESS_STOPPED");
            assertThat((String) report.get("details")).contains("stopped 1 time(s)")
                .contains("max-interrupted-attempts");
            assertThat(Pattern.compile("Queued " + Pattern.quote(big) + " ").matcher(app.log()).results().count())
                .as("queued once per attempt, not on every poll")
                .isEqualTo(1);
            assertThat(app.log()).contains("Terminating due to java.lang.OutOfMemoryError");
            assertThat(store.pendingUploads(prefix)).isZero();
            try (var keys = store.list(prefix)) {
                assertThat(keys.filter(key -> !key.startsWith(prefix + ".dataforge/")).toList())
                    .isEqualTo(List.of(prefix + "next-" + run + ".parquet"));
            }
        }
        finally {
            app.kill(); // how it stops is not this test's business: no graceful shutdown
                        // to wait for
            app.close(amqp);
        }
    }

}
