package io.dataforge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.core.env.Environment;

/**
 * The production jar (the Dockerfile's, no embedded servers; unpacked, C1 only) as a
 * second instance on the test context's PostgreSQL, S3 and broker, configured through the
 * environment as a deployment would be: its own data directory (so its own keys, kept
 * across restarts), HTTP port, working directory (no stray {@code .env}) and queue names
 * (load, callbacks, batch events, export jobs and orders), so the test context's workers
 * never take its messages. One load and one export at a time, progress every 1000 rows,
 * no folder watch. It can be killed with -9 and started again on the same settings.
 */
public final class WorkerProcess implements AutoCloseable {

    /**
     * Connection settings of the test context, and the environment variables that carry
     * them to the child.
     */
    private static final Map<String, String> CONNECTIONS = Map.of("spring.datasource.url", "SPRING_DATASOURCE_URL",
            "spring.datasource.username", "SPRING_DATASOURCE_USERNAME", "spring.datasource.password",
            "SPRING_DATASOURCE_PASSWORD", "dataforge.s3.endpoint", "DATAFORGE_S3_ENDPOINT", "spring.rabbitmq.host",
            "SPRING_RABBITMQ_HOST", "spring.rabbitmq.port", "SPRING_RABBITMQ_PORT", "spring.rabbitmq.virtual-host",
            "SPRING_RABBITMQ_VIRTUALHOST", "spring.rabbitmq.username", "SPRING_RABBITMQ_USERNAME",
            "spring.rabbitmq.password", "SPRING_RABBITMQ_PASSWORD");

    public final String queue;

    private final Path root;

    private final int port;

    private final Map<String, String> env = new LinkedHashMap<>();

    private List<String> jvm = List.of("-Xmx512m");

    private Process process;

    /**
     * {@code overrides}: environment variables set after (and so winning over) the
     * defaults above.
     */
    public WorkerProcess(Environment context, Path root, String queue, Map<String, String> overrides)
            throws IOException {
        this.queue = queue;
        this.root = Files.createDirectories(root.toAbsolutePath());
        this.port = PackagedJar.freePort();
        CONNECTIONS.forEach((property, variable) -> {
            if (context.getProperty(property) != null) {
                env.put(variable, context.getProperty(property));
            }
        });
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("DATAFORGE_DATA_DIR", this.root.resolve("data").toString());
        env.put("DATAFORGE_ADMIN_PASSWORD", IntegrationTest.ADMIN_PASSWORD);
        env.put("DATAFORGE_LOAD_QUEUE", queue);
        env.put("DATAFORGE_LOAD_WEBHOOKS_QUEUE", queue + ".webhooks");
        env.put("DATAFORGE_LOAD_CONCURRENCY", "1");
        env.put("DATAFORGE_LOAD_PROGRESS_EVERY_ROWS", "1000");
        env.put("DATAFORGE_EXPORT_QUEUE", queue + ".exports");
        env.put("DATAFORGE_EXPORT_REQUESTS_QUEUE", queue + ".export-requests");
        env.put("DATAFORGE_EXPORT_CONCURRENCY", "1");
        env.put("DATAFORGE_EXPORT_PROGRESS_EVERY_ROWS", "1000");
        env.put("DATAFORGE_WATCH_DIR", "");
        env.putAll(overrides);
    }

    /**
     * Its working directory: java.io.tmpdir ({@code tmp}), data directory and log are
     * inside.
     */
    public Path root() {
        return root;
    }

    public TestHttp http() {
        return new TestHttp(port);
    }

    /**
     * JVM options in place of the default {@code -Xmx512m}, for the next start (C1 only
     * in any case).
     */
    public WorkerProcess jvm(String... options) {
        jvm = List.of(options);
        return this;
    }

    /**
     * Starts the jar with these arguments and returns at once: for a run expected to end
     * by itself.
     */
    public void launch(String... args) throws IOException {
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(PackagedJar.C1_ONLY);
        command.addAll(jvm);
        command.addAll(List.of("-Djava.io.tmpdir=" + tmp, "-jar", PackagedJar.leanExtracted().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("app.log").toFile()));
        // nothing of the build's own environment may configure the child behind the
        // test's back
        builder.environment()
            .keySet()
            .removeIf(name -> name.startsWith("DATAFORGE_") || name.startsWith("SPRING_")
                    || name.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(env);
        process = builder.start();
    }

    /** Waits for a launched process to end by itself; returns its exit code. */
    public int awaitExit(Duration atMost) throws InterruptedException {
        assertThat(process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS))
            .as("process ended within " + atMost + ", see " + root.resolve("app.log"))
            .isTrue();
        return process.exitValue();
    }

    /** Its log, every run appended. */
    public String log() throws IOException {
        return Files.readString(root.resolve("app.log"));
    }

    /** Starts the jar and waits until its health endpoint answers 200. */
    public void start() throws IOException {
        launch();
        awaitStarted();
    }

    /** Waits until the launched jar's health endpoint answers 200. */
    public void awaitStarted() {
        Process started = process;
        TestHttp http = http();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(started.isAlive()).as("worker process alive, see " + root.resolve("app.log")).isTrue();
            try {
                return http.get("/actuator/health").statusCode() == 200;
            }
            catch (IllegalStateException e) {
                return false;
            }
        });
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /**
     * SIGTERM, as an orchestrator stops a pod, without waiting: the process drains and
     * ends by itself ({@link #awaitExit}).
     */
    public void terminate() {
        if (process != null) {
            process.destroy();
        }
    }

    /** kill -9: no shutdown hook, no rollback, no ack; the kernel closes its sockets. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    /**
     * Stops the process (SIGTERM, then -9 after a minute) and deletes the queues and
     * exchanges its queue names led it to declare: load, callbacks, exports, and its
     * subscription to batch events (left bound, it would collect them forever).
     */
    public void close(AmqpAdmin amqp) throws InterruptedException {
        close();
        for (String name : List.of(queue, queue + ".webhooks", queue + ".batches", queue + ".exports",
                queue + ".export-requests")) {
            amqp.deleteQueue(name);
            amqp.deleteQueue(name + ".dlq");
            amqp.deleteExchange(name + ".dlx");
        }
        amqp.deleteExchange(queue);
        amqp.deleteExchange(queue + ".webhooks");
        amqp.deleteExchange(queue + ".exports");
        amqp.deleteExchange(queue + ".export-requests");
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

}
