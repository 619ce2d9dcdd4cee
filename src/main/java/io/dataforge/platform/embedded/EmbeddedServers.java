package io.dataforge.platform.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded servers of one data directory, shared by every application context of the
 * JVM that uses that directory (tests reuse them across contexts) and stopped when the
 * last such context closes.
 */
public final class EmbeddedServers {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);

    private static final Map<Path, EmbeddedServers> BY_DATA_DIR = new ConcurrentHashMap<>();

    private final Path dataDir;

    private final Map<String, EmbeddedServer> servers = new ConcurrentHashMap<>();

    private int users;

    private EmbeddedServers(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * One user's hold on the servers of a data directory; releasing it twice counts once.
     */
    public static final class Lease {

        private final EmbeddedServers servers;

        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(EmbeddedServers servers) {
            this.servers = servers;
        }

        public EmbeddedServers servers() {
            return servers;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                servers.release();
            }
        }

    }

    static synchronized Lease acquire(Path dataDir) {
        EmbeddedServers servers = BY_DATA_DIR.computeIfAbsent(dataDir.toAbsolutePath().normalize(),
                EmbeddedServers::new);
        servers.users++;
        return new Lease(servers);
    }

    /**
     * The servers running for a data directory, if any: tests use it to stop and restart
     * one.
     */
    public static Optional<EmbeddedServers> of(Path dataDir) {
        return Optional.ofNullable(BY_DATA_DIR.get(dataDir.toAbsolutePath().normalize()));
    }

    EmbeddedPostgresServer postgres() {
        return (EmbeddedPostgresServer) servers.computeIfAbsent("postgres",
                k -> started(new EmbeddedPostgresServer(dataDir)));
    }

    EmbeddedS3Server s3(String accessKey, String secretKey) {
        return (EmbeddedS3Server) servers.computeIfAbsent("s3",
                k -> started(new EmbeddedS3Server(dataDir, accessKey, secretKey)));
    }

    EmbeddedAmqpBroker amqp(String username, String password) {
        return (EmbeddedAmqpBroker) servers.computeIfAbsent("amqp",
                k -> started(new EmbeddedAmqpBroker(dataDir, username, password)));
    }

    /** {@code postgres}, {@code s3} or {@code amqp}. */
    public Optional<EmbeddedServer> server(String name) {
        return Optional.ofNullable(servers.get(name));
    }

    private static EmbeddedServer started(EmbeddedServer server) {
        server.start();
        return server;
    }

    private void release() {
        synchronized (EmbeddedServers.class) {
            if (--users > 0) {
                return;
            }
            BY_DATA_DIR.remove(dataDir.toAbsolutePath().normalize());
        }
        stopAll();
    }

    /**
     * Each on its own: a broker that fails to stop must not leave PostgreSQL running
     * after the JVM.
     */
    private void stopAll() {
        servers.forEach((name, server) -> {
            try {
                server.stop();
            }
            catch (RuntimeException e) {
                log.warn("Embedded {} did not stop cleanly: {}", name, e.toString());
            }
        });
        servers.clear();
    }

}
