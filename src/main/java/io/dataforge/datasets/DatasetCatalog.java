package io.dataforge.datasets;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The declared datasets, as other capabilities (loads, queries, exports) read them. */
@Component
public class DatasetCatalog {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    DatasetCatalog(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Dataset> find(String name) {
        if (!Identifiers.isValid(name)) {
            return Optional.empty();
        }
        return jdbc.query("SELECT definition FROM dataset_definitions WHERE name = ?",
                (rs, n) -> read(rs.getString(1)), name).stream().findFirst();
    }

    public List<Dataset> list() {
        return jdbc.query("SELECT definition FROM dataset_definitions ORDER BY name", (rs, n) -> read(rs.getString(1)));
    }

    /** Inserts or replaces the stored declaration; the caller changes the table in the same transaction. */
    void save(Dataset dataset) {
        jdbc.update("""
                INSERT INTO dataset_definitions (name, definition) VALUES (?, ?::jsonb)
                ON CONFLICT (name) DO UPDATE SET definition = EXCLUDED.definition,
                    version = dataset_definitions.version + 1, updated_at = now()""",
                dataset.name(), write(dataset));
    }

    private Dataset read(String definition) {
        try {
            return json.readValue(definition, Dataset.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable dataset definition", e);
        }
    }

    private String write(Dataset dataset) {
        try {
            return json.writeValueAsString(dataset);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
