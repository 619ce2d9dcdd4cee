package io.dataforge.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Each part switches from embedded to external on its own connection setting. */
class EmbeddedServersEnvironmentPostProcessorIT {

    @Test
    void configuredDatabaseAndBrokerAreUsedAndOnlyStorageIsEmbedded() {
        Path dataDir = Path.of("target/epp-" + UUID.randomUUID());
        StandardEnvironment env = environment(Map.of("dataforge.data-dir", dataDir.toString(), "spring.datasource.url",
                "jdbc:postgresql://db.example:5432/forge", "spring.rabbitmq.host", "mq.example"));

        SpringApplication application = new SpringApplication();
        new EmbeddedServersEnvironmentPostProcessor(new org.springframework.boot.logging.DeferredLogs())
            .postProcessEnvironment(env, application);
        EmbeddedServers servers = EmbeddedServers.of(dataDir).orElseThrow();
        try {
            assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.example:5432/forge");
            assertThat(env.getProperty("spring.rabbitmq.host")).isEqualTo("mq.example");
            assertThat(env.getProperty("dataforge.s3.endpoint")).startsWith("http://127.0.0.1:");
            assertThat(servers.server("postgres")).isEmpty();
            assertThat(servers.server("amqp")).isEmpty();
            assertThat(servers.server("s3")).hasValueSatisfying(s -> assertThat(s.isRunning()).isTrue());
        }
        finally {
            // what a failed start does: the application's failure listener releases the
            // servers
            List<ApplicationListener<?>> listeners = List.copyOf(application.getListeners());
            @SuppressWarnings("unchecked")
            var added = (ApplicationListener<ApplicationFailedEvent>) listeners.get(listeners.size() - 1);
            added.onApplicationEvent(new ApplicationFailedEvent(application, new String[0], null,
                    new IllegalStateException("start failed")));
        }
        assertThat(EmbeddedServers.of(dataDir)).isEmpty();
        assertThat(servers.server("s3")).isEmpty();
    }

    @Test
    void nothingIsStartedWhenEveryPartIsConfigured() {
        Path dataDir = Path.of("target/epp-" + UUID.randomUUID());
        StandardEnvironment env = environment(Map.of("dataforge.data-dir", dataDir.toString(), "spring.datasource.url",
                "jdbc:postgresql://db.example:5432/forge", "spring.rabbitmq.addresses",
                "mq1.example:5672,mq2.example:5672", "dataforge.s3.endpoint", "https://s3.eu-west-1.amazonaws.com"));

        new EmbeddedServersEnvironmentPostProcessor(new org.springframework.boot.logging.DeferredLogs())
            .postProcessEnvironment(env, new SpringApplication());

        assertThat(EmbeddedServers.of(dataDir)).isEmpty();
        assertThat(env.getPropertySources().contains(EmbeddedServersEnvironmentPostProcessor.SOURCE_NAME)).isFalse();
    }

    @Test
    void embeddedServersCanBeSwitchedOffAltogether() {
        Path dataDir = Path.of("target/epp-" + UUID.randomUUID());
        StandardEnvironment env = environment(
                Map.of("dataforge.data-dir", dataDir.toString(), "dataforge.embedded.enabled", "false"));

        new EmbeddedServersEnvironmentPostProcessor(new org.springframework.boot.logging.DeferredLogs())
            .postProcessEnvironment(env, new SpringApplication());

        assertThat(EmbeddedServers.of(dataDir)).isEmpty();
        assertThat(env.getProperty("spring.datasource.url")).isNull();
    }

    private static StandardEnvironment environment(Map<String, Object> values) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", new HashMap<>(values)));
        return env;
    }

}
