package io.dataforge.platform.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL, S3 and AMQP server for each part that has no connection
 * configured ({@code spring.datasource.url}, {@code dataforge.s3.endpoint},
 * {@code spring.rabbitmq.host} or {@code addresses}), before any bean exists, and points
 * the application's settings at them. This way the data source, the S3 client and Camel's
 * endpoints find their servers up when they start, and the same code runs against
 * embedded and external servers.
 */
public class EmbeddedServersEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "dataforge-embedded";

    private final Log log;

    public EmbeddedServersEnvironmentPostProcessor(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedServersEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.getProperty("dataforge.embedded.enabled", Boolean.class, true) || !needsAny(env)) {
            return;
        }
        requireEmbeddedServersIn(env);
        EmbeddedServers.Lease lease = EmbeddedServers.acquire(Path.of(env.getProperty("dataforge.data-dir", "./data")));
        try {
            Map<String, Object> started = start(env, lease.servers());
            env.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, started));
            // logged once logging is up (deferred): the bench scripts read the S3
            // endpoint from this line
            log.info("Embedded servers for " + env.getProperty("dataforge.data-dir", "./data") + ": database "
                    + started.getOrDefault("spring.datasource.url", "external") + ", S3 "
                    + started.getOrDefault("dataforge.s3.endpoint", "external") + ", AMQP "
                    + (started.containsKey("spring.rabbitmq.port") ? "127.0.0.1:" + started.get("spring.rabbitmq.port")
                            : "external"));
        }
        catch (RuntimeException e) {
            lease.release();
            throw e;
        }
        // a start that fails never gets a context to close: stop the servers, or their
        // threads keep the JVM up
        application.addListeners((ApplicationListener<ApplicationFailedEvent>) event -> lease.release());
        application.addInitializers(context -> {
            // registered before any other bean, so destroyed after all of them
            DefaultListableBeanFactory factory = (DefaultListableBeanFactory) context.getBeanFactory();
            factory.registerSingleton("embeddedServers", lease.servers());
            factory.registerDisposableBean("embeddedServers", lease::release);
        });
    }

    /**
     * Starts the missing servers side by side (each takes seconds) and returns the
     * settings that reach them.
     */
    private static Map<String, Object> start(ConfigurableEnvironment env, EmbeddedServers servers) {
        Map<String, Object> props = new ConcurrentHashMap<>();
        List<Runnable> starts = new ArrayList<>();
        if (!isSet(env, "spring.datasource.url")) {
            starts.add(() -> {
                EmbeddedPostgresServer postgres = servers.postgres();
                props.put("spring.datasource.url", postgres.jdbcUrl());
                props.put("spring.datasource.username", "postgres");
                props.put("spring.datasource.password", "");
            });
        }
        if (!isSet(env, "dataforge.s3.endpoint")) {
            String accessKey = env.getProperty("dataforge.s3.access-key", "dataforge");
            String secretKey = env.getProperty("dataforge.s3.secret-key", "dataforge-secret");
            starts.add(() -> props.put("dataforge.s3.endpoint", servers.s3(accessKey, secretKey).endpoint()));
        }
        if (!isSet(env, "spring.rabbitmq.host") && !isSet(env, "spring.rabbitmq.addresses")) {
            String username = env.getProperty("spring.rabbitmq.username", "guest");
            String password = env.getProperty("spring.rabbitmq.password", "guest");
            starts.add(() -> {
                EmbeddedAmqpBroker amqp = servers.amqp(username, password);
                props.put("spring.rabbitmq.host", "127.0.0.1");
                props.put("spring.rabbitmq.port", amqp.port());
                props.put("spring.rabbitmq.virtual-host", "default");
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CompletableFuture
                .allOf(starts.stream()
                    .map(start -> CompletableFuture.runAsync(start, pool))
                    .toArray(CompletableFuture[]::new))
                .join();
        }
        catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
        finally {
            pool.shutdown();
        }
        return props;
    }

    /**
     * The production jar leaves the embedded servers out: say which connection is
     * missing, not which class.
     */
    private static void requireEmbeddedServersIn(ConfigurableEnvironment env) {
        if (!ClassUtils.isPresent("io.zonky.test.db.postgres.embedded.EmbeddedPostgres", null)) {
            throw new IllegalStateException("This build has no embedded servers: set spring.datasource.url"
                    + " (SPRING_DATASOURCE_URL), dataforge.s3.endpoint (DATAFORGE_S3_ENDPOINT) and spring.rabbitmq.host"
                    + " (SPRING_RABBITMQ_HOST), or run the executable jar with everything (./mvnw spring-boot:run)");
        }
    }

    private static boolean needsAny(ConfigurableEnvironment env) {
        return !isSet(env, "spring.datasource.url") || !isSet(env, "dataforge.s3.endpoint")
                || !isSet(env, "spring.rabbitmq.host") && !isSet(env, "spring.rabbitmq.addresses");
    }

    private static boolean isSet(ConfigurableEnvironment env, String key) {
        return StringUtils.hasText(env.getProperty(key));
    }

    @Override
    public int getOrder() {
        // after application.yml and profiles are read
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

}
