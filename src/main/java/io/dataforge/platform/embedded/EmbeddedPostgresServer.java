package io.dataforge.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server (zonky binaries) whose data directory survives restarts.
 */
final class EmbeddedPostgresServer implements EmbeddedServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final Path dataDir;

    private final Path binDir;

    private final int port;

    private EmbeddedPostgres postgres;

    EmbeddedPostgresServer(Path root) {
        this.dataDir = root.resolve("postgres");
        this.binDir = root.resolve("postgres-bin");
        this.port = FreePort.find();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(binDir);
            clearStalePidFile();
            postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binDir.toFile())
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                // stopped by the application when it closes, after every bean that uses
                // it: zonky's own JVM hook
                // ran beside Spring's and took the database away from routes still
                // shutting down (15 s of
                // connection timeouts on every stop); a JVM killed outright leaves it to
                // the next start
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                // zonky is made for tests and starts PostgreSQL with -F and
                // synchronous_commit=off; this
                // is the product's database, so a commit must survive a crash of the
                // machine
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
            log.info("Embedded PostgreSQL on 127.0.0.1:{}, data in {}", port, dataDir.toAbsolutePath());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start in " + dataDir.toAbsolutePath(), e);
        }
    }

    /**
     * A JVM killed with -9 leaves its postmaster running, or a pid file naming a dead
     * process; either would stop this start. A postgres process still holding our data
     * directory is shut down first.
     */
    private void clearStalePidFile() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> owner = Files.readAllLines(pidFile, StandardCharsets.UTF_8)
            .stream()
            .findFirst()
            .map(String::strip)
            .filter(line -> line.matches("\\d+"))
            .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
            .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (owner.isPresent()) {
            log.warn("PostgreSQL left running by an earlier run (pid {}); stopping it", owner.get().pid());
            stopOrphan(owner.get());
        }
        Files.deleteIfExists(pidFile);
    }

    private static void stopOrphan(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        }
        catch (Exception e) {
            process.destroyForcibly();
        }
    }

    @Override
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        }
        catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
        finally {
            postgres = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return postgres != null;
    }

    @Override
    public int port() {
        return port;
    }

}
