package io.dataforge.datasets.subjects;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.dataforge.datasets.Dataset;
import io.dataforge.datasets.DatasetCatalog;
import io.dataforge.datasets.DatasetColumn;
import io.dataforge.datasets.Erasure;
import io.dataforge.datasets.Identifiers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A data subject's rows in every dataset that declares a subject column: read as a
 * stream, or erased as each dataset's declaration says. Names come from the declarations
 * (checked identifiers, quoted); the tenant and the value are always parameters.
 */
@Component
class SubjectRows {

    private final DataSource dataSource;

    private final JdbcTemplate jdbc;

    private final DatasetCatalog catalog;

    SubjectRows(DataSource dataSource, JdbcTemplate jdbc, DatasetCatalog catalog) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    SubjectExportStream export(UUID tenant, String value, boolean piiReader) throws SQLException, IOException {
        return new SubjectExportStream(dataSource, withSubject(), tenant, value, piiReader);
    }

    /**
     * Deletes or blanks the subject's rows, dataset by dataset, in the caller's
     * transaction; a dry run counts them instead. Blanking counts only rows that still
     * have a pii value, so erasing twice reports nothing the second time.
     */
    List<ErasureReport.Erased> erase(UUID tenant, String value, boolean dryRun) {
        List<ErasureReport.Erased> erased = new ArrayList<>();
        for (Dataset dataset : withSubject()) {
            Optional<SubjectMatch> match = SubjectMatch.of(dataset, tenant, value);
            boolean blank = dataset.erasure() == Erasure.BLANK;
            long rows = match.map(m -> blank ? blank(m, dryRun) : delete(m, dryRun)).orElse(0L);
            erased.add(new ErasureReport.Erased(dataset.name(), blank ? "blanked" : "deleted", rows));
        }
        return erased;
    }

    private long delete(SubjectMatch match, boolean dryRun) {
        String where = match.where();
        Object[] params = match.params().toArray();
        return dryRun ? count(match.dataset(), where, params)
                : jdbc.update("DELETE FROM " + match.dataset().table() + where, params);
    }

    private long blank(SubjectMatch match, boolean dryRun) {
        List<DatasetColumn> pii = match.dataset().piiColumns();
        String where = match.where() + pii.stream()
            .map(column -> Identifiers.quote(column.name()) + " IS NOT NULL")
            .collect(Collectors.joining(" OR ", " AND (", ")"));
        Object[] params = match.params().toArray();
        if (dryRun) {
            return count(match.dataset(), where, params);
        }
        String set = pii.stream()
            .map(column -> Identifiers.quote(column.name()) + " = NULL")
            .collect(Collectors.joining(", "));
        return jdbc.update("UPDATE " + match.dataset().table() + " SET " + set + where, params);
    }

    private long count(Dataset dataset, String where, Object[] params) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM " + dataset.table() + where, Long.class, params);
        return count == null ? 0 : count;
    }

    private List<Dataset> withSubject() {
        return catalog.list().stream().filter(dataset -> dataset.subject() != null).toList();
    }

}
