package io.dataforge.watch.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.dataforge.IntegrationTest;
import io.dataforge.RandomStream;
import io.dataforge.SharedWorker;
import io.dataforge.platform.storage.ObjectStore;
import io.dataforge.watch.EventsCsv;
import io.dataforge.watch.WatchFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@link SharedWorker} (the executable jar as its own process on this context's
 * PostgreSQL and S3, with its own watched folder and key prefix), killed with -9 in the
 * middle of an upload and started again; its java.io.tmpdir, working and data directories
 * must stay as they were while it processes.
 */
@IntegrationTest
class WatchCrashIT {

    private static final long MB = 1024 * 1024;

    @Autowired
    Environment env;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectStore store;

    @Test
    void killedMidUploadResumesWithOneObjectNoLeftoverUploadAndNoFileWrittenOutsideItsFolders() throws Exception {
        SharedWorker worker = SharedWorker.get(env);
        Path watchDir = worker.watchDir;
        String prefix = worker.watchPrefix;
        Path root = worker.process.root();
        String big = "big-" + UUID.randomUUID() + ".bin";

        WatchFixture.dropInto(watchDir, big, out -> new RandomStream(7, 96 * MB).transferTo(out));
        await().atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> store.pendingUploads(prefix + big) > 0);
        worker.process.kill();
        assertThat(status(big)).isEqualTo("in_progress");
        assertThat(store.pendingUploads(prefix + big)).as("the kill left a multipart upload").isPositive();

        worker.process.start();
        // from here on the instance only processes: nothing may appear in its tmpdir,
        // working or data directory
        FileSystemSampler sampler = new FileSystemSampler(root);
        sampler.start();
        String archive = "events-" + UUID.randomUUID() + ".zip";
        WatchFixture.dropInto(watchDir, archive, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("data/events.csv"));
                EventsCsv.write(zip, 50_000);
                zip.closeEntry();
            }
        });
        await().atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> "completed".equals(status(big)) && "completed".equals(status(archive)));
        sampler.stop();

        assertThat(store.pendingUploads(prefix + big)).isZero();
        assertThat(store.pendingUploads(prefix + archive.replace(".zip", "/"))).isZero();
        String stem = archive.substring(0, archive.length() - ".zip".length());
        try (Stream<String> keys = store.list(prefix)) {
            assertThat(keys.filter(k -> k.equals(prefix + big) || k.startsWith(prefix + stem + "/")))
                .containsExactlyInAnyOrder(prefix + big, prefix + stem + "/data/events.parquet");
        }
        try (InputStream stored = store.open(prefix + big)) {
            assertThat(RandomStream.sha256Hex(stored)).isEqualTo(Checksums.sha256(watchDir.resolve(big)));
        }
        assertThat(sampler.seen).as("files that appeared while processing").isEmpty();
        assertThat(listing(root)).isEqualTo(sampler.baseline);
        assertThat(watchDir.resolve(big)).exists();
        assertThat(watchDir.resolve(archive)).exists();
    }

    private String status(String path) {
        List<String> rows = jdbc.queryForList("SELECT status FROM watch_progress WHERE path = ?", String.class, path);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static Set<String> listing(Path... dirs) throws IOException {
        Set<String> paths = new java.util.TreeSet<>();
        for (Path dir : dirs) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.forEach(p -> paths.add(p.toString()));
            }
        }
        return paths;
    }

    /**
     * Lists the folders every 20 ms and keeps any path that was not there when it
     * started.
     */
    private static final class FileSystemSampler {

        final Set<String> seen = ConcurrentHashMap.newKeySet();

        Set<String> baseline;

        private final Path[] dirs;

        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

        FileSystemSampler(Path... dirs) {
            this.dirs = dirs;
        }

        void start() throws IOException {
            baseline = listing(dirs);
            sampler.scheduleWithFixedDelay(this::sample, 0, 20, TimeUnit.MILLISECONDS);
        }

        void stop() throws InterruptedException {
            sampler.shutdown();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
        }

        private void sample() {
            try {
                listing(dirs).stream().filter(p -> !baseline.contains(p)).forEach(seen::add);
            }
            catch (IOException | java.io.UncheckedIOException e) {
                // a file vanished between list and stat: the next round sees the folder
                // again
            }
        }

    }

}
