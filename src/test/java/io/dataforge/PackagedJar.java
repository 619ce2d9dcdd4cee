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

    /**
     * For every child JVM of the tests: C2's compiler threads take the two cores of this
     * machine while three replicas start, and a start then costs twice the time; C1 alone
     * halves it, and the cases run their loads and exports faster too.
     */
    public static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    private static Path extracted;

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

    /**
     * The production jar unpacked as Spring Boot's {@code jarmode=tools extract} lays it
     * out (the application jar beside {@code lib/}), once per test JVM: the JVM then
     * reads classes from plain jars instead of jars nested in one, which cuts a start by
     * about a quarter on this machine's two cores, where three replicas start at once.
     */
    public static synchronized Path leanExtracted() throws IOException {
        if (extracted == null) {
            Path jar = lean();
            Path destination = Path.of("target", "lean-extracted").toAbsolutePath();
            Process tools = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination",
                    destination.toString())
                .redirectErrorStream(true)
                .start();
            String output = new String(tools.getInputStream().readAllBytes());
            try {
                assertThat(tools.waitFor()).as(output).isZero();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            extracted = destination.resolve(jar.getFileName());
            assertThat(extracted).exists();
        }
        return extracted;
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
