package io.dataforge.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import io.dataforge.DataForgeApplication;
import io.dataforge.platform.storage.ObjectStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stopping the application stops its embedded servers, and starting it again on the same
 * data directory finds the rows and objects written before. Runs its own application on a
 * fresh data directory (not the shared IT one) because it must really stop and restart
 * the servers.
 */
class RestartIT {

    @Test
    void restartKeepsPostgresRowsAndS3Objects() throws Exception {
        Path dataDir = Path.of("target/restart-it-" + UUID.randomUUID());
        try (ConfigurableApplicationContext first = start(dataDir)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            jdbc.execute("CREATE TABLE restart_probe (v TEXT)");
            jdbc.update("INSERT INTO restart_probe VALUES ('kept across restarts')");
            first.getBean(ObjectStore.class)
                .upload("restart/probe.txt", new ByteArrayInputStream("object kept".getBytes(StandardCharsets.UTF_8)),
                        "text/plain", Map.of());
        }
        assertThat(EmbeddedServers.of(dataDir)).as("servers stopped with the application").isEmpty();

        try (ConfigurableApplicationContext second = start(dataDir)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT v FROM restart_probe", String.class))
                .isEqualTo("kept across restarts");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success", Integer.class))
                .isPositive();
            try (InputStream in = second.getBean(ObjectStore.class).open("restart/probe.txt")) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("object kept");
            }
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        // arguments, not builder properties: those are defaults that application.yml
        // would override
        return new SpringApplicationBuilder(DataForgeApplication.class).run("--dataforge.data-dir=" + dataDir,
                "--dataforge.security.admin-password=restart-it", "--server.port=0", "--spring.jmx.unique-names=true",
                "--camel.main.name=data-forge-restart-it");
    }

}
