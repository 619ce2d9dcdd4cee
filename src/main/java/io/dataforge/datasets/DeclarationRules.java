package io.dataforge.datasets;

import static io.dataforge.datasets.DeclarationFields.bad;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What makes a declaration acceptable: identifiers only (so a quoted name is always safe
 * SQL), no reserved or duplicate columns, and limits that keep a table and its indexes
 * within what PostgreSQL handles well.
 */
final class DeclarationRules {

    static final int MAX_COLUMNS = 500;
    static final int MAX_INDEXES = 20;

    /** tenant_id leads every declared index; PostgreSQL allows 32 columns in one. */
    static final int MAX_INDEX_COLUMNS = 8;

    private static final Set<ColumnType> SUBJECT_TYPES = Set.of(ColumnType.TEXT, ColumnType.UUID, ColumnType.INTEGER,
            ColumnType.BIGINT);

    private static final String IDENTIFIER = "lower-case letters, digits and underscores, starting with a letter,"
            + " at most 63 characters";

    private DeclarationRules() {
    }

    static void checkName(String name) {
        if (!Identifiers.isValid(name)) {
            throw bad("Dataset name " + shown(name) + " is not allowed: use " + IDENTIFIER);
        }
    }

    static void checkColumnName(String name, String where) {
        if (!Identifiers.isValid(name)) {
            throw bad(where + ".name " + shown(name) + " is not allowed: use " + IDENTIFIER);
        }
        if (Identifiers.RESERVED_COLUMNS.contains(name)) {
            throw bad(where + ".name '" + name
                    + "' is reserved: every dataset table has row_id, tenant_id and upload_id");
        }
    }

    static void check(Dataset dataset) {
        checkName(dataset.name());
        if (dataset.columns().isEmpty() || dataset.columns().size() > MAX_COLUMNS) {
            throw bad("A dataset declares between 1 and " + MAX_COLUMNS + " columns");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < dataset.columns().size(); i++) {
            String name = dataset.columns().get(i).name();
            checkColumnName(name, "columns[" + i + "]");
            if (!names.add(name)) {
                throw bad("Column '" + name + "' is declared more than once");
            }
        }
        checkIndexes(dataset.indexes(), names);
        checkSubject(dataset);
    }

    /**
     * A subject is looked up by equality, so only types whose text is the value itself.
     * Blanking refuses required pii columns at declaration time: they are NOT NULL in the
     * table, and an empty string instead would still be a value (and none for a date or
     * uuid), so an erasure could only fail or pretend.
     */
    private static void checkSubject(Dataset dataset) {
        if (dataset.subject() == null) {
            return;
        }
        DatasetColumn subject = dataset.subjectColumn()
            .orElseThrow(() -> bad("subject names " + shown(dataset.subject()) + ", which is not a declared column"));
        if (!SUBJECT_TYPES.contains(subject.type())) {
            throw bad("subject column '" + subject.name() + "' is " + subject.typeName()
                    + ": a subject column is text, uuid, integer or bigint");
        }
        if (dataset.erasure() != Erasure.BLANK) {
            return;
        }
        if (dataset.piiColumns().isEmpty()) {
            throw bad("erasure blank sets the pii columns to NULL, but no column is declared pii: declare them, or"
                    + " use erasure delete");
        }
        List<String> required = dataset.piiColumns()
            .stream()
            .filter(DatasetColumn::required)
            .map(DatasetColumn::name)
            .toList();
        if (!required.isEmpty()) {
            throw bad("erasure blank sets the pii columns to NULL, but " + required
                    + " are required (NOT NULL): make them optional, or use erasure delete");
        }
    }

    private static void checkIndexes(List<List<String>> indexes, Set<String> columns) {
        if (indexes.size() > MAX_INDEXES) {
            throw bad("At most " + MAX_INDEXES + " indexes may be declared");
        }
        Set<List<String>> seen = new HashSet<>();
        for (int i = 0; i < indexes.size(); i++) {
            List<String> index = indexes.get(i);
            String where = "indexes[" + i + "]";
            if (index.isEmpty() || index.size() > MAX_INDEX_COLUMNS) {
                throw bad(where + " must name between 1 and " + MAX_INDEX_COLUMNS + " columns");
            }
            for (String column : index) {
                if (!columns.contains(column)) {
                    throw bad(where + " names " + shown(column) + ", which is not a declared column");
                }
            }
            if (new HashSet<>(index).size() != index.size()) {
                throw bad(where + " names a column more than once");
            }
            if (!seen.add(index)) {
                throw bad(where + " repeats an index declared before it");
            }
        }
    }

    /**
     * A client's text for a message: quoted, and cut short so a huge value does not flood
     * the answer.
     */
    static String shown(String raw) {
        if (raw == null) {
            return "(none)";
        }
        return "'" + (raw.length() > 64 ? raw.substring(0, 64) + "..." : raw) + "'";
    }

}
