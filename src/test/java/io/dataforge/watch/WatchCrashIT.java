package io.dataforge.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import io.dataforge.PackagedJar;
import io.dataforge.TestHttp;
import io.dataforge.platform.storage.ObjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The executable jar as a separate process on this context's PostgreSQL and S3, with its own watched folder
 * and key prefix, killed with -9 in the middle of an upload and started again; its java.io.tmpdir and
 * working directory are empty folders that must stay empty while it processes.
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

    private final Path root = Path.of("target/watch-crash-" + UUID.randomUUID()).toAbsolutePath();
    private final String prefix = "crash-" + UUID.randomUUID().toString().substring(0, 8) + "/";
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void killedMidUploadResumesWithOneObjectNoLeftoverUploadAndNoFileWrittenOutsideItsFolders() throws Exception {
        Path watchDir = Files.createDirectories(root.resolve("watch"));
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        Path work = Files.createDirectories(root.resolve("work"));
        String big = "big-" + UUID.randomUUID() + ".bin";

        Process first = start(watchDir, tmp, work);
        WatchFixture.dropInto(watchDir, big, out -> new RandomStream(7, 256 * MB).transferTo(out));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> store.pendingUploads(prefix + big) > 0);
        first.destroyForcibly().waitFor();
        assertThat(status(big)).isEqualTo("in_progress");
        assertThat(store.pendingUploads(prefix + big)).as("the kill left a multipart upload").isPositive();

        start(watchDir, tmp, work);
        // from here on the instance only processes: nothing may appear in its tmpdir, working or data directory
        FileSystemSampler sampler = new FileSystemSampler(tmp, work, root.resolve("data"));
        sampler.start();
        String archive = "events-" + UUID.randomUUID() + ".zip";
        WatchFixture.dropInto(watchDir, archive, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("data/events.csv"));
                EventsCsv.write(zip, 400_000);
                zip.closeEntry();
            }
        });
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> "completed".equals(status(big)) && "completed".equals(status(archive)));
        sampler.stop();

        assertThat(store.pendingUploads(prefix)).isZero();
        String stem = archive.substring(0, archive.length() - ".zip".length());
        try (Stream<String> keys = store.list(prefix)) {
            assertThat(keys.filter(k -> !k.startsWith(prefix + ".dataforge/")))
                    .containsExactlyInAnyOrder(prefix + big, prefix + stem + "/data/events.parquet");
        }
        try (InputStream stored = store.open(prefix + big)) {
            assertThat(RandomStream.sha256Hex(stored)).isEqualTo(Checksums.sha256(watchDir.resolve(big)));
        }
        assertThat(sampler.seen).as("files that appeared while processing").isEmpty();
        assertThat(listing(tmp, work, root.resolve("data"))).isEqualTo(sampler.baseline);
        try (Stream<Path> left = Files.list(watchDir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(big, archive);
        }
    }

    private Process start(Path watchDir, Path tmp, Path work) throws Exception {
        int port = PackagedJar.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.io.tmpdir=" + tmp, "-jar", PackagedJar.path().toString(),
                "--server.port=" + port, "--dataforge.data-dir=" + root.resolve("data"),
                "--dataforge.security.admin-password=" + IntegrationTest.ADMIN_PASSWORD,
                "--dataforge.watch.dir=" + watchDir, "--dataforge.watch.s3-prefix=" + prefix,
                "--dataforge.watch.quiet-period=300ms", "--dataforge.watch.poll-interval=100ms"));
        for (String property : List.of("spring.datasource.url", "spring.datasource.username",
                "spring.datasource.password", "dataforge.s3.endpoint", "spring.rabbitmq.host", "spring.rabbitmq.port",
                "spring.rabbitmq.virtual-host", "spring.rabbitmq.username", "spring.rabbitmq.password")) {
            if (env.getProperty(property) != null) {
                command.add("--" + property + "=" + env.getProperty(property));
            }
        }
        Process app = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("app.log").toFile())).start();
        processes.add(app);
        TestHttp http = new TestHttp(port);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(app.isAlive()).as("application process alive, see " + root.resolve("app.log")).isTrue();
            try {
                HttpResponse<String> health = http.get("/actuator/health");
                return health.statusCode() == 200;
            } catch (IllegalStateException e) {
                return false;
            }
        });
        return app;
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

    /** Lists the folders every 20 ms and keeps any path that was not there when it started. */
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
            } catch (IOException | java.io.UncheckedIOException e) {
                // a file vanished between list and stat: the next round sees the folder again
            }
        }
    }
}
