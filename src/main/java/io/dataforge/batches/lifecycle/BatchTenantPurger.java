package io.dataforge.batches.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dataforge.platform.database.Statements;
import io.dataforge.platform.storage.ObjectStore;
import io.dataforge.platform.tenancy.TenantPurger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A purged tenant's batches, their file rows and their objects (every batch prefix starts
 * with {@code <account>/}).
 */
@Component
class BatchTenantPurger implements TenantPurger {

    private final JdbcTemplate jdbc;

    private final ObjectStore store;

    BatchTenantPurger(JdbcTemplate jdbc, ObjectStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** After error reports and loads, which name batches and batch files. */
    @Override
    public int order() {
        return 50;
    }

    @Override
    public Map<String, Long> count(UUID tenant) {
        long objects;
        try (var keys = store.list(tenant + "/")) {
            objects = keys.count();
        }
        return Map.of("batches",
                jdbc.queryForObject("SELECT count(*) FROM batches WHERE account_id = ?", Long.class, tenant),
                "batchFiles",
                jdbc.queryForObject(
                        "SELECT count(*) FROM batch_files f JOIN batches b ON b.id = f.batch_id WHERE b.account_id = ?",
                        Long.class, tenant),
                "batchObjects", objects);
    }

    @Override
    public Map<String, Long> purgeSome(UUID tenant, int limit) {
        record Row(UUID id, String prefix) {
        }
        List<Row> batches = jdbc.query("SELECT id, s3_prefix FROM batches WHERE account_id = ? LIMIT ?",
                (rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2)), tenant, limit);
        if (batches.isEmpty()) {
            // what no batch names any more
            return Map.of("batchObjects", (long) store.deleteUnder(tenant + "/", limit));
        }
        long objects = 0;
        for (Row batch : batches) {
            objects += store.deleteUnder(batch.prefix(), Integer.MAX_VALUE);
        }
        Object ids = Statements.uuidArray(batches.stream().map(Row::id).toList());
        long files = jdbc.queryForObject("SELECT count(*) FROM batch_files WHERE batch_id = ANY (?::uuid[])",
                Long.class, ids);
        // file rows go with their batch (ON DELETE CASCADE)
        long deleted = jdbc.update("DELETE FROM batches WHERE id = ANY (?::uuid[])", ids);
        return Map.of("batches", deleted, "batchFiles", files, "batchObjects", objects);
    }

}
