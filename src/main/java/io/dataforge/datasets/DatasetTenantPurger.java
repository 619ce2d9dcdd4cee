package io.dataforge.datasets;

import java.util.Map;
import java.util.UUID;

import io.dataforge.platform.tenancy.TenantPurger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A purged tenant's rows in every dataset (each table has an index leading with
 * tenant_id).
 */
@Component
class DatasetTenantPurger implements TenantPurger {

    private final JdbcTemplate jdbc;

    private final DatasetCatalog catalog;

    DatasetTenantPurger(JdbcTemplate jdbc, DatasetCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** After loads: an upload's rows outlive it only until here. */
    @Override
    public int order() {
        return 30;
    }

    @Override
    public Map<String, Long> count(UUID tenant) {
        long rows = 0;
        for (Dataset dataset : catalog.list()) {
            rows += jdbc.queryForObject("SELECT count(*) FROM " + dataset.table() + " WHERE tenant_id = ?", Long.class,
                    tenant);
        }
        return Map.of("datasetRows", rows);
    }

    @Override
    public Map<String, Long> purgeSome(UUID tenant, int limit) {
        long rows = 0;
        for (Dataset dataset : catalog.list()) {
            if (rows >= limit) {
                break;
            }
            rows += jdbc.update("DELETE FROM " + dataset.table() + " WHERE ctid = ANY (ARRAY (SELECT ctid FROM "
                    + dataset.table() + " WHERE tenant_id = ? LIMIT ?))", tenant, limit - rows);
        }
        return Map.of("datasetRows", rows);
    }

}
