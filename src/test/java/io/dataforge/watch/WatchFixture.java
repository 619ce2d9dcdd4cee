package io.dataforge.watch;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dataforge.platform.storage.ObjectStore;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The watched folder as a test sees it: drop files, wait for their row, read their
 * objects back.
 */
public final class WatchFixture {

    private final Path dir;

    private final Path errors;

    private final JdbcTemplate jdbc;

    private final ObjectStore store;

    private final String prefix;

    public WatchFixture(WatchProperties props, JdbcTemplate jdbc, ObjectStore store) {
        this.dir = props.dir();
        this.errors = props.errorFolder();
        this.jdbc = jdbc;
        this.store = store;
        this.prefix = props.s3Prefix();
    }

    /** A folder of this test's own under the watched folder, relative path returned. */
    public static String folder(String name) {
        return "it-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Writes the file beside its final name and renames it in, as a careful copier would.
     */
    public void drop(String path, byte[] content) throws IOException {
        drop(path, out -> out.write(content));
    }

    public void drop(String path, Writer writer) throws IOException {
        dropInto(dir, path, writer);
    }

    /** The same into any watched folder (a child process's). */
    public static void dropInto(Path dir, String path, Writer writer) throws IOException {
        Path target = dir.resolve(path);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling("." + target.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            writer.write(out);
        }
        Files.move(partial, target);
    }

    public Path file(String path) {
        return dir.resolve(path);
    }

    public Path errorFile(String path) {
        return errors.resolve(path);
    }

    public Map<String, Object> awaitStatus(String path, String status) {
        return awaitStatus(path, status, Duration.ofSeconds(60));
    }

    Map<String, Object> awaitStatus(String path, String status, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> status.equals(status(path)));
        return row(path);
    }

    public String status(String path) {
        List<String> rows = jdbc.queryForList("SELECT status FROM watch_progress WHERE path = ?", String.class, path);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public Map<String, Object> row(String path) {
        return jdbc.queryForMap("SELECT * FROM watch_progress WHERE path = ?", path);
    }

    public byte[] object(String key) throws IOException {
        try (InputStream in = store.open(prefix + key)) {
            return in.readAllBytes();
        }
    }

    public List<String> keysUnder(String folder) {
        try (var keys = store.list(prefix + folder + "/")) {
            return keys.map(k -> k.substring(prefix.length())).sorted().toList();
        }
    }

    @FunctionalInterface
    public interface Writer {

        void write(OutputStream out) throws IOException;

    }

}
