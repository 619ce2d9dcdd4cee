package io.dataforge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The jars the package phase built, for tests that run the application as its own
 * process: the executable jar with everything ({@code ./mvnw spring-boot:run}'s embedded
 * servers included) and the production jar without them.
 */
public final class PackagedJar {

    private PackagedJar() {
    }

    /** The executable jar with the embedded servers. */
    public static Path path() throws IOException {
        return one("data-forge-[^-]+(-SNAPSHOT)?\\.jar");
    }

    /**
     * The production jar (classifier {@code lean}, the Dockerfile's): connections must be
     * configured.
     */
    public static Path lean() throws IOException {
        return one("data-forge-.*-lean\\.jar");
    }

    private static Path one(String pattern) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().matches(pattern)).toList();
            assertThat(jars).as("the package phase built " + pattern).hasSize(1);
            return jars.get(0).toAbsolutePath();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
