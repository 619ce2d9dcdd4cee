package io.dataforge.export;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dataforge.platform.database.Statements;
import io.dataforge.platform.storage.ObjectStore;
import io.dataforge.platform.tenancy.TenantPurger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A purged tenant's export jobs and their files ({@code <objectPrefix><tenant>/<job>/}).
 */
@Component
class ExportTenantPurger implements TenantPurger {

    private final JdbcTemplate jdbc;

    private final ObjectStore store;

    private final ExportProperties props;

    ExportTenantPurger(JdbcTemplate jdbc, ObjectStore store, ExportProperties props) {
        this.jdbc = jdbc;
        this.store = store;
        this.props = props;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Map<String, Long> count(UUID tenant) {
        long files;
        try (var keys = store.list(folder(tenant))) {
            files = keys.count();
        }
        return Map.of("exportJobs",
                jdbc.queryForObject("SELECT count(*) FROM export_jobs WHERE tenant_id = ?", Long.class, tenant),
                "exportFiles", files);
    }

    @Override
    public Map<String, Long> purgeSome(UUID tenant, int limit) {
        List<UUID> jobs = jdbc.queryForList("SELECT id FROM export_jobs WHERE tenant_id = ? LIMIT ?", UUID.class,
                tenant, limit);
        long files = 0;
        for (UUID job : jobs) {
            files += store.deleteUnder(folder(tenant) + job + "/", Integer.MAX_VALUE);
        }
        if (jobs.isEmpty()) {
            // what no job names any more (a worker that finished after its job went)
            files += store.deleteUnder(folder(tenant), limit);
        }
        long deleted = jobs.isEmpty() ? 0
                : jdbc.update("DELETE FROM export_jobs WHERE id = ANY (?::uuid[])", Statements.uuidArray(jobs));
        return Map.of("exportJobs", deleted, "exportFiles", files);
    }

    private String folder(UUID tenant) {
        return props.objectPrefix() + tenant + "/";
    }

}
