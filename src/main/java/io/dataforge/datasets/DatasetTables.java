package io.dataforge.datasets;

import java.util.Optional;

import io.dataforge.platform.database.AdvisoryLocks;
import io.dataforge.platform.web.ApiException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a declaration: creates the dataset's table or evolves it, and stores the
 * declaration, in one transaction (PostgreSQL DDL is transactional), so the catalog and
 * the table never disagree.
 */
@Component
class DatasetTables {

    enum Outcome {

        CREATED, EVOLVED, UNCHANGED

    }

    private final JdbcTemplate jdbc;

    private final DatasetCatalog catalog;

    DatasetTables(JdbcTemplate jdbc, DatasetCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    @Transactional
    Outcome apply(Dataset wanted) {
        // two PUTs of one dataset (or two instances starting) would otherwise both see
        // "missing" and both create
        AdvisoryLocks.lockForTransaction(jdbc, "dataset:" + wanted.name());
        Optional<Dataset> stored = catalog.find(wanted.name());
        if (stored.isEmpty()) {
            if (relationExists(wanted.name())) {
                throw new ApiException(409, "A table or index named '" + wanted.name() + "' already exists in schema "
                        + Dataset.SCHEMA + " without a dataset declaration", DatasetEvolution.CONFLICT, null);
            }
            DatasetDdl.create(wanted).forEach(jdbc::execute);
            catalog.save(wanted);
            return Outcome.CREATED;
        }
        if (stored.get().equals(wanted)) {
            return Outcome.UNCHANGED;
        }
        DatasetEvolution.steps(stored.get(), wanted).forEach(jdbc::execute);
        catalog.save(wanted);
        return Outcome.EVOLVED;
    }

    private boolean relationExists(String name) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                               WHERE n.nspname = ? AND c.relname = ?)""", Boolean.class, Dataset.SCHEMA, name));
    }

}
