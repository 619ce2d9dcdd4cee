package io.dataforge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Three replicas of the production jar as a deployment runs them: on the test context's
 * PostgreSQL, broker and S3, each with its own data directory and no key settings,
 * competing on one set of queues and electing one leader for one watched folder (a shared
 * volume). Each names its database sessions after itself ({@code ApplicationName}), so a
 * test finds which replica runs a COPY, renders an export or holds the watch lock.
 * Replica {@code a} takes requests and watches but loads and renders nothing, so what is
 * uploaded or ordered on it runs on another; {@code b} and {@code c} do everything. Six
 * export slots each, a drain of 5 s, JSON logs.
 */
public final class ReplicaGroup {

    public final String queue;

    public final Path watchDir;

    public final String watchPrefix;

    private final Map<String, WorkerProcess> replicas = new LinkedHashMap<>();

    private final Map<String, CompletableFuture<Void>> restarts = new HashMap<>();

    public ReplicaGroup(Environment env, Path root) throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        queue = "dataforge.replicas-" + run;
        watchDir = Files.createDirectories(root.resolve("watched").toAbsolutePath());
        watchPrefix = "replicas-" + run + "/";
        String url = env.getRequiredProperty("spring.datasource.url");
        for (String name : List.of("a", "b", "c")) {
            Map<String, String> settings = new HashMap<>(Map.ofEntries(
                    Map.entry("SPRING_DATASOURCE_URL",
                            url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + session(name)),
                    Map.entry("DATAFORGE_WATCH_DIR", watchDir.toString()),
                    Map.entry("DATAFORGE_WATCH_S3_PREFIX", watchPrefix),
                    Map.entry("DATAFORGE_WATCH_QUIET_PERIOD", "300ms"),
                    Map.entry("DATAFORGE_WATCH_POLL_INTERVAL", "100ms"),
                    Map.entry("DATAFORGE_LOAD_REPUBLISH_INTERVAL", "1s"),
                    Map.entry("DATAFORGE_EXPORT_REPUBLISH_INTERVAL", "1s"),
                    Map.entry("DATAFORGE_EXPORT_CONCURRENCY", "6"), Map.entry("DATAFORGE_DB_POOL_SIZE", "20"),
                    Map.entry("DATAFORGE_DRAIN_SECONDS", "5"),
                    // JSON log lines, as the image writes them
                    Map.entry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")));
            if (name.equals("a")) {
                settings.put("DATAFORGE_ROLES", "api,watch,scheduler,webhook-worker");
            }
            replicas.put(name, new WorkerProcess(env, root.resolve(name), queue, settings));
        }
    }

    /** The database session name of replica {@code name}. */
    public static String session(String name) {
        return "replica-" + name;
    }

    /** Starts every replica at once and waits until each is up. */
    public void start() throws IOException {
        for (WorkerProcess replica : replicas.values()) {
            replica.launch();
        }
        replicas.values().forEach(WorkerProcess::awaitStarted);
    }

    public WorkerProcess get(String name) {
        return replicas.get(name);
    }

    public TestHttp http(String name) {
        return get(name).http();
    }

    public List<String> names() {
        return List.copyOf(replicas.keySet());
    }

    /**
     * The replica whose database session runs a statement like {@code like}, or null.
     */
    public String running(JdbcTemplate jdbc, String like) {
        List<String> sessions = jdbc.queryForList(
                "SELECT application_name FROM pg_stat_activity"
                        + " WHERE application_name LIKE 'replica-%' AND query LIKE ? AND xact_start IS NOT NULL",
                String.class, like);
        return sessions.isEmpty() ? null : sessions.get(0).substring("replica-".length());
    }

    /** The replicas running and not starting again. */
    public List<String> steady() {
        return replicas.keySet()
            .stream()
            .filter(name -> replicas.get(name).running()
                    && (!restarts.containsKey(name) || restarts.get(name).isDone()))
            .toList();
    }

    /** Starts a stopped replica again without waiting; {@link #awaitAll} waits. */
    public void restartInBackground(String name) {
        restarts.put(name, CompletableFuture.runAsync(() -> {
            try {
                replicas.get(name).start();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /** Waits for every restart begun, so that all three run again. */
    public void awaitAll() {
        restarts.values().forEach(CompletableFuture::join);
        restarts.clear();
    }

    public void close(AmqpAdmin amqp) throws InterruptedException {
        for (WorkerProcess replica : replicas.values()) {
            replica.close();
        }
        replicas.get("a").close(amqp);
    }

}
