package io.dataforge.datasets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The DDL of dataset tables. Only checked identifiers (quoted) and type text built from
 * {@link ColumnType} and integers go into these statements; nothing a client typed is
 * spliced in any other way.
 */
final class DatasetDdl {

    private static final List<String> TENANT = List.of("tenant_id");

    private static final List<String> UPLOAD = List.of("upload_id");

    private DatasetDdl() {
    }

    /**
     * The table, its tenant and upload indexes (every query filters on tenant, a retry
     * deletes by upload). row_id numbers the rows in load order: the tie-breaker that
     * makes query pages stable and keyset cursors exact.
     */
    static List<String> create(Dataset dataset) {
        String columns = dataset.columns().stream().map(DatasetDdl::definition).collect(Collectors.joining(", "));
        List<String> ddl = new ArrayList<>();
        ddl.add("CREATE TABLE " + dataset.table() + " (row_id bigint GENERATED ALWAYS AS IDENTITY, "
                + "tenant_id uuid NOT NULL, upload_id uuid NOT NULL, " + columns + ")");
        ddl.add(index(dataset.name(), TENANT, TENANT));
        ddl.add(index(dataset.name(), UPLOAD, UPLOAD));
        dataset.indexes().forEach(index -> ddl.add(createIndex(dataset, index)));
        if (dataset.subject() != null) {
            ddl.add(createSubjectIndex(dataset, dataset.subject()));
        }
        return ddl;
    }

    /** New columns are nullable: rows already loaded have no value for them. */
    static String addColumn(Dataset dataset, DatasetColumn column) {
        return "ALTER TABLE " + dataset.table() + " ADD COLUMN " + definition(column);
    }

    static String dropNotNull(Dataset dataset, DatasetColumn column) {
        return "ALTER TABLE " + dataset.table() + " ALTER COLUMN " + Identifiers.quote(column.name())
                + " DROP NOT NULL";
    }

    /**
     * A declared index leads with tenant_id, since every read is within one tenant, and
     * ends with row_id, the tie breaker of every query's order, so that a page sorted by
     * the declared columns needs no sort of its ties and the keyset condition of the next
     * page is answered by the index.
     */
    static String createIndex(Dataset dataset, List<String> columns) {
        return index(dataset.name(), columns,
                Stream.of(TENANT.stream(), columns.stream(), Stream.of("row_id")).flatMap(s -> s).toList());
    }

    static String dropIndex(Dataset dataset, List<String> columns) {
        return "DROP INDEX IF EXISTS " + Identifiers.quote(Dataset.SCHEMA) + "."
                + Identifiers.quote(indexName(dataset.name(), columns));
    }

    /**
     * A subject's rows are found by tenant and value (export, erase); row_id last keeps
     * an export in load order without a sort. Its own name, so a declared index on the
     * same column neither clashes with it nor is dropped with it.
     */
    static String createSubjectIndex(Dataset dataset, String column) {
        return "CREATE INDEX " + Identifiers.quote(subjectIndexName(dataset.name(), column)) + " ON " + dataset.table()
                + " ("
                + Stream.of(TENANT.get(0), column, "row_id").map(Identifiers::quote).collect(Collectors.joining(", "))
                + ")";
    }

    static String dropSubjectIndex(Dataset dataset, String column) {
        return "DROP INDEX IF EXISTS " + Identifiers.quote(Dataset.SCHEMA) + "."
                + Identifiers.quote(subjectIndexName(dataset.name(), column));
    }

    /**
     * Like {@link #indexName}, hashed over text no declared index gives (a column name
     * has no colon).
     */
    static String subjectIndexName(String table, String column) {
        return shortened(table + "_subject_" + column, table + "(subject:" + column + ")");
    }

    /**
     * {@code
     *
    <table>
     * _<columns>_<hash>}, cut to fit PostgreSQL's 63 characters. The hash of the table
     * and the exact column list keeps names apart where underscores make the readable
     * part ambiguous or cut short.
     */
    static String indexName(String table, List<String> columns) {
        return shortened(table + "_" + String.join("_", columns), table + "(" + String.join(",", columns) + ")");
    }

    private static String shortened(String readable, String hashed) {
        String hash = HexFormat.of().formatHex(sha256(hashed), 0, 4);
        int room = 63 - hash.length() - 1;
        return (readable.length() > room ? readable.substring(0, room) : readable) + "_" + hash;
    }

    private static String index(String table, List<String> named, List<String> columns) {
        String list = columns.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
        return "CREATE INDEX " + Identifiers.quote(indexName(table, named)) + " ON " + Identifiers.quote(Dataset.SCHEMA)
                + "." + Identifiers.quote(table) + " (" + list + ")";
    }

    private static String definition(DatasetColumn column) {
        return Identifiers.quote(column.name()) + " " + column.typeName() + (column.required() ? " NOT NULL" : "");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
