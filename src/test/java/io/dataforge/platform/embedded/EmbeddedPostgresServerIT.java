package io.dataforge.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * A run killed without stopping its server must not stop the next start on the same data
 * directory.
 */
class EmbeddedPostgresServerIT {

    @Test
    void startTakesOverFromAServerLeftRunningByAKilledRun() throws Exception {
        Path root = Path.of("target/pg-orphan-" + UUID.randomUUID());
        Process killedRun = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PostgresCrashFixture.class.getName(), root.toString())
            .redirectErrorStream(true)
            .start();
        String jdbcUrl = awaitStarted(killedRun);
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); var statement = c.createStatement()) {
            statement.execute("CREATE TABLE survivor (v INT); INSERT INTO survivor VALUES (7)");
        }
        killedRun.destroyForcibly().waitFor(); // kill -9: its postmaster and pid file
                                               // stay behind

        EmbeddedPostgresServer nextRun = new EmbeddedPostgresServer(root);
        try {
            nextRun.start();
            assertThat(query(nextRun, "SELECT v FROM survivor")).isEqualTo("7");
        }
        finally {
            nextRun.stop();
        }
    }

    @Test
    void commitsAreDurable() {
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(Path.of("target/pg-durable-" + UUID.randomUUID()));
        server.start();
        try {
            assertThat(query(server, "SHOW fsync")).isEqualTo("on");
            assertThat(query(server, "SHOW synchronous_commit")).isEqualTo("on");
        }
        catch (Exception e) {
            throw new AssertionError(e);
        }
        finally {
            server.stop();
        }
    }

    private static String awaitStarted(Process process) throws Exception {
        var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()));
        for (String line; (line = lines.readLine()) != null;) {
            if (line.startsWith("STARTED ")) {
                Thread drain = new Thread(() -> lines.lines().forEach(l -> {
                }));
                drain.setDaemon(true);
                drain.start();
                return line.substring("STARTED ".length());
            }
        }
        throw new AssertionError("child JVM ended before PostgreSQL started");
    }

    @Test
    void stalePidFileOfADeadProcessIsIgnored() throws Exception {
        Path root = Path.of("target/pg-stale-" + UUID.randomUUID());
        EmbeddedPostgresServer first = new EmbeddedPostgresServer(root);
        first.start();
        first.stop();
        Files.writeString(root.resolve("postgres/postmaster.pid"), "999999\n" + root.toAbsolutePath() + "\n");

        EmbeddedPostgresServer second = new EmbeddedPostgresServer(root);
        try {
            second.start();
            assertThat(query(second, "SELECT 1")).isEqualTo("1");
        }
        finally {
            second.stop();
        }
    }

    private static String query(EmbeddedPostgresServer server, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
                var statement = c.createStatement()) {
            boolean hasRows = statement.execute(sql);
            if (!hasRows) {
                return null;
            }
            try (ResultSet rs = statement.getResultSet()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

}
