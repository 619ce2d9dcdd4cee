package io.dataforge.datasets;

import java.util.List;
import java.util.Optional;

/**
 * A dataset: a PostgreSQL table in the {@value #SCHEMA} schema with the declared columns,
 * plus {@code tenant_id} and {@code upload_id} on every row. Names are checked
 * identifiers (see {@link Identifiers}), so the quoted table name is safe to put in SQL.
 */
public record Dataset(String name, List<DatasetColumn> columns, boolean allowUnknownColumns,
        List<List<String>> indexes) {

    public static final String SCHEMA = "datasets";

    public Dataset {
        columns = List.copyOf(columns);
        indexes = indexes == null ? List.of() : indexes.stream().map(List::copyOf).toList();
    }

    /** {@code "datasets"."name"}. */
    public String table() {
        return Identifiers.quote(SCHEMA) + "." + Identifiers.quote(name);
    }

    public Optional<DatasetColumn> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
}
