package io.dataforge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import io.dataforge.PackagedJar;
import io.dataforge.TestHttp;
import org.junit.jupiter.api.Test;

/**
 * The executable jar, as `java -jar` runs it, on a fresh data directory: Spring Boot's
 * nested-jar class loading breaks things the exploded classes of the other ITs never see
 * (classpath URLs of the embedded broker, recursive route patterns), so the packaged
 * artifact gets its own start-up check.
 */
class PackagedJarIT {

    @Test
    void executableJarStartsOnEmbeddedServersWithEveryRoute() throws Exception {
        Path jar = PackagedJar.path();
        Path dataDir = Path.of("target/packaged-it-" + UUID.randomUUID());
        int port = PackagedJar.freePort();
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                PackagedJar.C1_ONLY, "-jar", jar.toString(), "--server.port=" + port, "--dataforge.data-dir=" + dataDir,
                "--dataforge.security.admin-password=packaged")
            .redirectErrorStream(true)
            .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile())
            .start();
        try {
            TestHttp http = new TestHttp(port);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                assertThat(app.isAlive()).as("application process alive").isTrue();
                return isUp(http);
            });

            String basic = java.util.Base64.getEncoder().encodeToString("admin:packaged".getBytes());
            HttpResponse<String> routes = http
                .send(http.request("/actuator/camelroutes").header("Authorization", "Basic " + basic).GET());
            assertThat(routes.statusCode()).isEqualTo(200);
            assertThat(RouteIdsIT.EXPECTED).allSatisfy(id -> assertThat(routes.body()).contains("\"" + id + "\""));
        }
        finally {
            app.destroy();
            if (!app.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
        assertThat(app.exitValue()).as("clean shutdown on SIGTERM").isIn(0, 143);
    }

    private static boolean isUp(TestHttp http) {
        try {
            HttpResponse<String> health = http.get("/actuator/health");
            return health.statusCode() == 200 && health.body().startsWith("{\"status\":\"UP\"");
        }
        catch (IllegalStateException e) {
            return false;
        }
    }

}
