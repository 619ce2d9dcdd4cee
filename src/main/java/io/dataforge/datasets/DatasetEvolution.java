package io.dataforge.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.dataforge.platform.web.ApiException;

/**
 * What a new declaration of an existing dataset changes on its table. Only changes that
 * keep every loaded row valid and every reader working are made: nullable columns added,
 * NOT NULL dropped, indexes created and dropped (the subject's index follows its
 * declaration). Anything else (a column removed, retyped, or newly required) is a 409
 * listing every conflict, so the admin sees them all at once and the table is left as it
 * was.
 */
final class DatasetEvolution {

    static final String CONFLICT = "DATASET_CONFLICT";

    private DatasetEvolution() {
    }

    static List<String> steps(Dataset stored, Dataset wanted) {
        List<String> conflicts = new ArrayList<>();
        List<String> ddl = new ArrayList<>();
        for (DatasetColumn before : stored.columns()) {
            Optional<DatasetColumn> after = wanted.column(before.name());
            if (after.isEmpty()) {
                conflicts.add("column '" + before.name() + "' cannot be removed");
            }
            else if (!after.get().typeName().equals(before.typeName())) {
                conflicts.add("column '" + before.name() + "' cannot change type from " + before.typeName() + " to "
                        + after.get().typeName());
            }
            else if (after.get().required() && !before.required()) {
                conflicts.add("column '" + before.name() + "' cannot become required: loaded rows may have no value");
            }
            else if (before.required() && !after.get().required()) {
                ddl.add(DatasetDdl.dropNotNull(stored, before));
            }
        }
        for (DatasetColumn column : wanted.columns()) {
            if (stored.column(column.name()).isEmpty()) {
                if (column.required()) {
                    conflicts.add("new column '" + column.name() + "' cannot be required: loaded rows have no value");
                }
                else {
                    ddl.add(DatasetDdl.addColumn(stored, column));
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ApiException(409,
                    "Dataset '" + stored.name() + "' cannot change this way: " + String.join("; ", conflicts), CONFLICT,
                    Map.of("conflicts", conflicts));
        }
        stored.indexes()
            .stream()
            .filter(index -> !wanted.indexes().contains(index))
            .forEach(index -> ddl.add(DatasetDdl.dropIndex(stored, index)));
        wanted.indexes()
            .stream()
            .filter(index -> !stored.indexes().contains(index))
            .forEach(index -> ddl.add(DatasetDdl.createIndex(stored, index)));
        if (!Objects.equals(stored.subject(), wanted.subject())) {
            if (stored.subject() != null) {
                ddl.add(DatasetDdl.dropSubjectIndex(stored, stored.subject()));
            }
            if (wanted.subject() != null) {
                ddl.add(DatasetDdl.createSubjectIndex(stored, wanted.subject()));
            }
        }
        return ddl;
    }

}
