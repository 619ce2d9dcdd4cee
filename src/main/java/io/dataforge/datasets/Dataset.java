package io.dataforge.datasets;

import java.util.List;
import java.util.Optional;

/**
 * A dataset: a PostgreSQL table in the {@value #SCHEMA} schema with the declared columns,
 * plus {@code tenant_id} and {@code upload_id} on every row. Names are checked
 * identifiers (see {@link Identifiers}), so the quoted table name is safe to put in SQL.
 * {@code subject} optionally names the column that identifies a data subject (a person's
 * email, a customer id), and {@code erasure} what erasing one does to its rows; both are
 * null when no subject is declared, and erasure is {@link Erasure#DELETE} unless said.
 */
public record Dataset(String name, List<DatasetColumn> columns, boolean allowUnknownColumns, List<List<String>> indexes,
        String subject, Erasure erasure) {

    public static final String SCHEMA = "datasets";

    public Dataset {
        columns = List.copyOf(columns);
        indexes = indexes == null ? List.of() : indexes.stream().map(List::copyOf).toList();
        // a declaration stored before subjects existed reads back without both fields
        erasure = subject == null ? null : erasure == null ? Erasure.DELETE : erasure;
    }

    /** A dataset without a data subject. */
    public Dataset(String name, List<DatasetColumn> columns, boolean allowUnknownColumns, List<List<String>> indexes) {
        this(name, columns, allowUnknownColumns, indexes, null, null);
    }

    /** {@code "datasets"."name"}. */
    public String table() {
        return Identifiers.quote(SCHEMA) + "." + Identifiers.quote(name);
    }

    public Optional<DatasetColumn> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** The declared subject column, when there is one. */
    public Optional<DatasetColumn> subjectColumn() {
        return subject == null ? Optional.empty() : column(subject);
    }

    public List<DatasetColumn> piiColumns() {
        return columns.stream().filter(DatasetColumn::pii).toList();
    }
}
