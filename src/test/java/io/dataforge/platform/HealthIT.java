package io.dataforge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;
import io.dataforge.platform.embedded.EmbeddedServer;
import io.dataforge.platform.embedded.EmbeddedServers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each health component reports its real server: DOWN while it is stopped, UP again once
 * it is back.
 */
@IntegrationTest
class HealthIT {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{1} follows the {0} server")
    @CsvSource({ "postgres, db", "s3, storage", "amqp, broker" })
    void componentGoesDownWithItsServerAndUpAfter(String server, String component) {
        TestHttp http = new TestHttp(port);
        EmbeddedServer embedded = EmbeddedServers.of(Path.of(IntegrationTest.DATA_DIR))
            .orElseThrow()
            .server(server)
            .orElseThrow();
        assertThat(componentStatus(http, component)).isEqualTo("UP");

        embedded.stop();
        try {
            // one response shows both (each health call may wait out a connection
            // timeout)
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                HttpResponse<String> health = http.get("/actuator/health");
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(componentStatus(health, component)).isEqualTo("DOWN");
            });
            // a load balancer stops sending work; the orchestrator does not restart the
            // process for it
            HttpResponse<String> readiness = http.get("/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(componentStatus(readiness, component)).isEqualTo("DOWN");
            assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        }
        finally {
            embedded.start();
        }

        await().atMost(Duration.ofSeconds(60))
            .untilAsserted(() -> assertThat(componentStatus(http, component)).isEqualTo("UP"));
        await().atMost(Duration.ofSeconds(60))
            .untilAsserted(() -> assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200));
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @org.junit.jupiter.api.Test
    void everyProbeOfTheKubernetesManifestsAnswers() throws Exception {
        TestHttp http = new TestHttp(port);
        java.util.Set<String> paths = new java.util.TreeSet<>();
        java.util.regex.Matcher probe = java.util.regex.Pattern.compile("path=(/[^,}]+)")
            .matcher(DeploymentFilesTest.manifests().toString());
        while (probe.find()) {
            paths.add(probe.group(1));
        }

        assertThat(paths).contains("/actuator/health/liveness", "/actuator/health/readiness");
        paths.forEach(path -> assertThat(http.get(path).statusCode()).as(path).isEqualTo(200));
    }

    private static String componentStatus(TestHttp http, String component) {
        return componentStatus(http.get("/actuator/health"), component);
    }

    @SuppressWarnings("unchecked")
    private static String componentStatus(HttpResponse<String> response, String component) {
        Map<String, Object> health = TestHttp.json(response);
        Map<String, Object> components = (Map<String, Object>) health.get("components");
        return (String) ((Map<String, Object>) components.get(component)).get("status");
    }

}
