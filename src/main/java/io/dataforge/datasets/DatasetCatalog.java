package io.dataforge.datasets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The declared datasets, as other capabilities (loads, queries, exports) read them. */
@Component
public class DatasetCatalog {

    private static final String ENTRY = "SELECT definition, version, created_at, updated_at FROM dataset_definitions";

    /** One row, the named dataset's version, or none when no such dataset is declared. */
    public static final String VERSION = "SELECT version FROM dataset_definitions WHERE name = ?";

    private final JdbcTemplate jdbc;

    private final ObjectMapper json;

    /**
     * Parsed declarations by their stored text: every query reads its dataset's row, few
     * need parsing it again.
     */
    private final Cache<String, Dataset> parsed = Caffeine.newBuilder().maximumSize(1_000).build();

    /** The last declaration read of each dataset, with its version. */
    private final Cache<String, Versioned> latest = Caffeine.newBuilder().maximumSize(1_000).build();

    private record Versioned(int version, Dataset dataset) {
    }

    DatasetCatalog(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * A declaration with its bookkeeping: the version grows by one with each stored
     * change.
     */
    public record Entry(Dataset dataset, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    public Optional<Dataset> find(String name) {
        if (!Identifiers.isValid(name)) {
            return Optional.empty();
        }
        return jdbc
            .query("SELECT definition FROM dataset_definitions WHERE name = ?", (rs, n) -> read(rs.getString(1)), name)
            .stream()
            .findFirst();
    }

    /**
     * The declaration at {@code version} (as {@link #VERSION} found it), read on the
     * caller's connection, so in its transaction, only when this version was not read
     * before. A declaration is never dropped and each change raises its version, so a
     * name and a version always mean the same declaration.
     */
    public Dataset declared(Connection connection, String name, int version) throws SQLException {
        Versioned known = latest.getIfPresent(name);
        if (known != null && known.version() == version) {
            return known.dataset();
        }
        try (PreparedStatement statement = connection
            .prepareStatement("SELECT definition FROM dataset_definitions WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("dataset " + name + " is declared but its row is gone");
                }
                Dataset dataset = read(rs.getString(1));
                latest.put(name, new Versioned(version, dataset));
                return dataset;
            }
        }
    }

    /**
     * Whether a dataset of this name is declared (and so its table exists); false for any
     * invalid name.
     */
    public boolean exists(String name) {
        return find(name).isPresent();
    }

    public List<Dataset> list() {
        return jdbc.query("SELECT definition FROM dataset_definitions ORDER BY name", (rs, n) -> read(rs.getString(1)));
    }

    public Optional<Entry> entry(String name) {
        if (!Identifiers.isValid(name)) {
            return Optional.empty();
        }
        return jdbc.query(ENTRY + " WHERE name = ?", (rs, n) -> entry(rs), name).stream().findFirst();
    }

    public List<Entry> entries() {
        return jdbc.query(ENTRY + " ORDER BY name", (rs, n) -> entry(rs));
    }

    /**
     * Inserts or replaces the stored declaration; the caller changes the table in the
     * same transaction.
     */
    void save(Dataset dataset) {
        jdbc.update("""
                INSERT INTO dataset_definitions (name, definition) VALUES (?, ?::jsonb)
                ON CONFLICT (name) DO UPDATE SET definition = EXCLUDED.definition,
                    version = dataset_definitions.version + 1, updated_at = now()""", dataset.name(), write(dataset));
    }

    private Entry entry(ResultSet rs) throws SQLException {
        return new Entry(read(rs.getString(1)), rs.getInt(2), rs.getObject(3, OffsetDateTime.class),
                rs.getObject(4, OffsetDateTime.class));
    }

    private Dataset read(String definition) {
        return parsed.get(definition, text -> {
            try {
                return json.readValue(text, Dataset.class);
            }
            catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable dataset definition", e);
            }
        });
    }

    private String write(Dataset dataset) {
        try {
            return json.writeValueAsString(dataset);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
