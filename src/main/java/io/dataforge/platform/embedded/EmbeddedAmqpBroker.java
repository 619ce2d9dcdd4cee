package io.dataforge.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

import org.apache.qpid.server.SystemLauncher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache Qpid Broker-J in-process, speaking AMQP 0-9-1 like RabbitMQ. Durable queues and
 * persistent messages are kept in a Derby store under {@code amqp/}, so they survive a
 * restart.
 */
final class EmbeddedAmqpBroker implements EmbeddedServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedAmqpBroker.class);

    private final Path workDir;

    private final int port;

    private final String username;

    private final String password;

    private SystemLauncher launcher;

    EmbeddedAmqpBroker(Path root, String username, String password) {
        this.workDir = root.resolve("amqp");
        this.port = FreePort.find();
        this.username = username;
        this.password = password;
    }

    @Override
    public synchronized void start() {
        if (launcher != null) {
            return;
        }
        try {
            Files.createDirectories(workDir);
            // Derby (the message store) otherwise writes derby.log into the working
            // directory
            System.setProperty("derby.stream.error.file", workDir.resolve("derby.log").toAbsolutePath().toString());
            launcher = new SystemLauncher();
            launcher.startup(systemConfig());
            log.info("Embedded AMQP broker on 127.0.0.1:{}, store in {}", port, workDir.toAbsolutePath());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (Exception e) {
            stop();
            throw new IllegalStateException("Embedded AMQP broker did not start on port " + port, e);
        }
    }

    /**
     * Inside the executable jar Qpid can read neither Spring Boot's nested-jar URLs nor
     * its own default {@code classpath:} URLs, so its initial configuration and (empty)
     * system properties are written beside the broker's store and read from there.
     */
    private Map<String, Object> systemConfig() throws IOException {
        Path initialConfig = workDir.resolve("initial-config.json");
        try (InputStream in = EmbeddedAmqpBroker.class.getClassLoader().getResourceAsStream("qpid-embedded.json")) {
            Files.copy(in, initialConfig, StandardCopyOption.REPLACE_EXISTING);
        }
        Path systemProperties = workDir.resolve("system.properties");
        if (!Files.exists(systemProperties)) {
            Files.writeString(systemProperties, "# system properties for the embedded broker\n");
        }
        Map<String, String> context = new HashMap<>();
        context.put("qpid.work_dir", workDir.toAbsolutePath().toString());
        context.put("qpid.amqp_port", Integer.toString(port));
        context.put("dataforge.amqp.username", username);
        context.put("dataforge.amqp.password", password);
        // RabbitMQ-style queue arguments (x-dead-letter-exchange...) are logged instead
        // of refused
        context.put("queue.behaviourOnUnknownDeclareArgument", "LOG");
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "Memory");
        attributes.put("initialConfigurationLocation", initialConfig.toUri().toString());
        attributes.put("initialSystemPropertiesLocation", systemProperties.toUri().toString());
        attributes.put("startupLoggedToSystemOut", false);
        attributes.put("context", context);
        return attributes;
    }

    @Override
    public synchronized void stop() {
        if (launcher == null) {
            return;
        }
        try {
            launcher.shutdown();
        }
        finally {
            launcher = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return launcher != null;
    }

    @Override
    public int port() {
        return port;
    }

}
