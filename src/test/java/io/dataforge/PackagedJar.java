package io.dataforge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The executable jar the package phase built, for tests that run the application as its own process. */
public final class PackagedJar {

    private PackagedJar() {
    }

    public static Path path() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().matches("data-forge-.*\\.jar")).toList();
            assertThat(jars).as("the package phase built the executable jar").hasSize(1);
            return jars.get(0).toAbsolutePath();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
