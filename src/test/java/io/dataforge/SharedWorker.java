package io.dataforge;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.env.Environment;

/**
 * One instance of the production jar (the Dockerfile's, without embedded servers) for
 * every IT that needs the application as a process of its own (crash, outage and worker
 * tests), because each start costs seconds on two cores: started on first use, and
 * stopped when the test JVM ends. It reaches the test context's broker and S3 through
 * proxies the tests switch off and on, watches a folder of its own (outside its working
 * directory, which the crash tests watch for stray files), and runs export workers the
 * way the export tests need them: 12 consumers, at most 10 jobs per tenant, no S3 retries
 * inside a job attempt. A test that kills it starts it again; one that failed before
 * doing so leaves it for the next test to restart.
 */
public final class SharedWorker {

    private static SharedWorker instance;

    public final WorkerProcess process;

    public final TcpProxy broker;

    public final TcpProxy storage;

    public final Path watchDir;

    public final String watchPrefix;

    private SharedWorker(Environment env) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        broker = new TcpProxy(env.getRequiredProperty("spring.rabbitmq.port", Integer.class));
        storage = new TcpProxy(URI.create(env.getRequiredProperty("dataforge.s3.endpoint")).getPort());
        watchDir = Files.createDirectories(Path.of("target/shared-worker-" + run + "-watch").toAbsolutePath());
        watchPrefix = "worker-" + run + "/";
        process = new WorkerProcess(env, Path.of("target/shared-worker-" + run), "dataforge.worker-" + run,
                Map.ofEntries(Map.entry("SPRING_RABBITMQ_PORT", Integer.toString(broker.port())),
                        Map.entry("DATAFORGE_S3_ENDPOINT", "http://127.0.0.1:" + storage.port()),
                        Map.entry("DATAFORGE_S3_ATTEMPTS", "1"), Map.entry("DATAFORGE_CAMEL_REDELIVERY_DELAY", "300ms"),
                        Map.entry("DATAFORGE_LOAD_REPUBLISH_INTERVAL", "1s"),
                        Map.entry("DATAFORGE_EXPORT_REPUBLISH_INTERVAL", "1s"),
                        Map.entry("DATAFORGE_EXPORT_CONCURRENCY", "12"),
                        Map.entry("DATAFORGE_EXPORT_MAX_RUNNING_PER_TENANT", "10"),
                        Map.entry("DATAFORGE_DB_POOL_SIZE", "40"),
                        Map.entry("DATAFORGE_WATCH_DIR", watchDir.toString()),
                        Map.entry("DATAFORGE_WATCH_S3_PREFIX", watchPrefix),
                        Map.entry("DATAFORGE_WATCH_QUIET_PERIOD", "300ms"),
                        Map.entry("DATAFORGE_WATCH_POLL_INTERVAL", "100ms")));
    }

    /** The instance, running and with every proxy on. */
    public static synchronized SharedWorker get(Environment env) throws Exception {
        if (instance == null) {
            instance = new SharedWorker(env);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "shared-worker-stop"));
        }
        instance.broker.on();
        instance.storage.on();
        if (!instance.process.running()) {
            instance.process.start();
        }
        return instance;
    }

    public TestHttp http() {
        return process.http();
    }

    private void stop() {
        try {
            process.close();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        broker.close();
        storage.close();
    }

}
