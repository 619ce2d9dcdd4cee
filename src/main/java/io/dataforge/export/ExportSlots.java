package io.dataforge.export;

import java.util.List;
import java.util.UUID;

import io.dataforge.platform.database.AdvisoryLocks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The running slots of a tenant, at most {@code maxRunningPerTenant} across instances:
 * claiming and freeing one take the tenant's advisory lock, so two instances never both
 * take the last slot. A job that finds no slot is parked (unpublished) and, when a slot
 * frees, the oldest parked job of the tenant is published: nothing polls.
 */
@Component
class ExportSlots {

    enum Claim {

        STARTED, PARKED, GONE

    }

    private final JdbcTemplate jdbc;

    private final TransactionTemplate tx;

    private final ExportProperties props;

    private final ExportQueue queue;

    ExportSlots(JdbcTemplate jdbc, TransactionTemplate tx, ExportProperties props, ExportQueue queue) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.props = props;
        this.queue = queue;
    }

    /**
     * Starts a pending job if a slot is free, or again a running one whose worker died
     * (the caller holds its lock).
     */
    Claim claim(ExportJob job) {
        return tx.execute(status -> {
            lockTenant(job.tenantId());
            int started = jdbc
                .update("UPDATE export_jobs SET state = 'Running', attempt = attempt + 1, started_at = now(),"
                        + " rows_processed = 0 WHERE id = ? AND NOT cancel_requested AND (state = 'Running' OR (state = 'Pending'"
                        + " AND (SELECT count(*) FROM export_jobs WHERE tenant_id = ? AND state = 'Running') < ?))",
                        job.id(), job.tenantId(), props.maxRunningPerTenant());
            if (started == 1) {
                return Claim.STARTED;
            }
            return jdbc.update(
                    "UPDATE export_jobs SET published = FALSE, parked = TRUE WHERE id = ? AND state = 'Pending'",
                    job.id()) == 1 ? Claim.PARKED : Claim.GONE;
        });
    }

    /**
     * Ends a running job with {@code sql} (its first parameter is the job id) and
     * publishes the tenant's next.
     */
    void finish(ExportJob job, String sql, Object... params) {
        List<UUID> next = tx.execute(status -> {
            lockTenant(job.tenantId());
            jdbc.update(sql, params);
            return jdbc.queryForList(
                    "SELECT id FROM export_jobs WHERE tenant_id = ? AND export_queue = ? AND state = 'Pending'"
                            + " AND NOT published ORDER BY created_at LIMIT 1",
                    UUID.class, job.tenantId(), props.queue());
        });
        next.forEach(queue::publish);
    }

    void succeeded(ExportJob job, String key, long size, long rows) {
        finish(job, "UPDATE export_jobs SET state = 'Succeeded', object_key = ?, size_bytes = ?, rows_processed = ?,"
                + " finished_at = now(), expires_at = now() + make_interval(secs => ?) WHERE id = ? AND state = 'Running'",
                key, size, rows, props.retention().toSeconds(), job.id());
    }

    /**
     * Back to waiting, for another replica: a drain ended during the render, whose
     * message is already back in the queue.
     */
    void handBack(UUID jobId) {
        jdbc.update("UPDATE export_jobs SET state = 'Pending', published = TRUE, parked = FALSE WHERE id = ?"
                + " AND state = 'Running'", jobId);
    }

    void canceled(ExportJob job) {
        finish(job, "UPDATE export_jobs SET state = 'Canceled', finished_at = now() WHERE id = ? AND state = 'Running'",
                job.id());
    }

    void failed(ExportJob job, String error) {
        finish(job, "UPDATE export_jobs SET state = 'Failed', error = ?, finished_at = now() WHERE id = ?"
                + " AND state IN ('Pending', 'Running')", error, job.id());
    }

    private void lockTenant(UUID tenant) {
        AdvisoryLocks.lockForTransaction(jdbc, "export-tenant:" + tenant);
    }

}
