package io.dataforge.load;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dataforge.platform.database.Statements;
import io.dataforge.platform.storage.ObjectStore;
import io.dataforge.platform.tenancy.TenantPurger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A purged tenant's uploads with their row errors and staged files, then its load rules,
 * webhook key and upload rate bucket. Staged files of batch files belong to the batch and
 * go with it.
 */
@Component
class LoadTenantPurger implements TenantPurger {

    private static final String UPLOADS = "SELECT id FROM uploads WHERE account_id = ? LIMIT ?";

    private final JdbcTemplate jdbc;

    private final ObjectStore store;

    private final LoadProperties props;

    LoadTenantPurger(JdbcTemplate jdbc, ObjectStore store, LoadProperties props) {
        this.jdbc = jdbc;
        this.store = store;
        this.props = props;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Map<String, Long> count(UUID tenant) {
        long staged = 0;
        for (UUID upload : jdbc.queryForList(UPLOADS, UUID.class, tenant, Integer.MAX_VALUE)) {
            try (var keys = store.list(staging(upload))) {
                staged += keys.count();
            }
        }
        return Map.of("uploads", number("SELECT count(*) FROM uploads WHERE account_id = ?", tenant), "rowErrors",
                number("SELECT count(*) FROM load_row_errors e JOIN uploads u ON u.id = e.upload_id"
                        + " WHERE u.account_id = ?", tenant),
                "stagedFiles", staged, "loadRules",
                number("SELECT count(*) FROM load_rules WHERE account_id = ?", tenant), "webhookKeys",
                number("SELECT count(*) FROM webhook_secrets WHERE account_id = ?", tenant));
    }

    @Override
    public Map<String, Long> purgeSome(UUID tenant, int limit) {
        List<UUID> uploads = jdbc.queryForList(UPLOADS, UUID.class, tenant, limit);
        if (uploads.isEmpty()) {
            jdbc.update("DELETE FROM rate_limit_buckets WHERE id = ?", "uploads:" + tenant);
            return Map.of("loadRules", (long) jdbc.update("DELETE FROM load_rules WHERE account_id = ?", tenant),
                    "webhookKeys", (long) jdbc.update("DELETE FROM webhook_secrets WHERE account_id = ?", tenant));
        }
        long staged = 0;
        for (UUID upload : uploads) {
            staged += store.deleteUnder(staging(upload), Integer.MAX_VALUE);
        }
        Object ids = Statements.uuidArray(uploads);
        long rowErrors = jdbc.queryForObject("SELECT count(*) FROM load_row_errors WHERE upload_id = ANY (?::uuid[])",
                Long.class, ids);
        // row errors go with their upload (ON DELETE CASCADE)
        long deleted = jdbc.update("DELETE FROM uploads WHERE id = ANY (?::uuid[])", ids);
        return Map.of("uploads", deleted, "rowErrors", rowErrors, "stagedFiles", staged);
    }

    private String staging(UUID upload) {
        return props.stagingPrefix() + upload + "/";
    }

    private long number(String sql, UUID tenant) {
        return jdbc.queryForObject(sql, Long.class, tenant);
    }

}
