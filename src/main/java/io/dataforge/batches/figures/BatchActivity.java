package io.dataforge.batches.figures;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.dataforge.identity.AccountActivity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The batch figures of the account admin views. */
@Component
class BatchActivity implements AccountActivity {

    private final JdbcTemplate jdbc;

    BatchActivity(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, Totals> totals(Collection<UUID> accountIds) {
        Map<UUID, Totals> totals = new HashMap<>();
        if (accountIds.isEmpty()) {
            return totals;
        }
        jdbc.query(
                "SELECT account_id, count(*) AS batches, coalesce(sum(uploaded_files_count), 0) AS files"
                        + " FROM batches WHERE account_id = ANY (?) AND deleted_at IS NULL GROUP BY account_id",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", accountIds.toArray())), rs -> {
                    totals.put(rs.getObject("account_id", UUID.class),
                            new Totals(rs.getLong("batches"), rs.getLong("files")));
                });
        return totals;
    }

    @Override
    public Stats stats(UUID accountId) {
        return jdbc.queryForObject("""
                SELECT count(*) AS total_batches,
                       count(*) FILTER (WHERE status IN ('COMPLETED', 'COMPLETED_WITH_WARNINGS')) AS completed_batches,
                       count(*) FILTER (WHERE status = 'FAILED') AS failed_batches,
                       coalesce(sum(uploaded_files_count), 0) AS total_files,
                       coalesce(sum(total_size), 0) AS total_storage_size,
                       (SELECT max(f.uploaded_at) FROM batch_files f JOIN batches fb ON fb.id = f.batch_id
                        WHERE fb.account_id = ? AND f.state = 'UPLOADED') AS last_upload_at
                FROM batches WHERE account_id = ? AND deleted_at IS NULL""",
                (rs, n) -> new Stats(rs.getLong("total_batches"), rs.getLong("completed_batches"),
                        rs.getLong("failed_batches"), rs.getLong("total_files"), rs.getLong("total_storage_size"),
                        rs.getObject("last_upload_at", OffsetDateTime.class)),
                accountId, accountId);
    }

}
