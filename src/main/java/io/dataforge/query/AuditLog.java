package io.dataforge.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;

import io.dataforge.platform.database.AsyncCommit;
import io.dataforge.platform.database.HashChain;
import io.dataforge.platform.database.MonthlyPartitions;
import io.dataforge.platform.database.Statements;
import io.dataforge.platform.text.Sha256;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code audit_log}: who read which tenant's dataset, with a hash of the request (not the
 * request: filter values may be personal data), the rows returned, the HTTP status and
 * the time taken. Monthly partitions are kept three months ahead, at start-up and then
 * every {@code dataforge.query.audit-partition-check} (route {@code
 * query.audit-partitions}).
 * <p>
 * The rows are hash-chained ({@link HashChain}, head {@code audit_log_chain}): each one's
 * hash covers the previous one's, its seq and all of its content but the id. The head
 * moves in the statement that inserts the row, so the row still goes in one statement
 * (and one round trip), committed asynchronously.
 */
@Component("auditLog")
public class AuditLog {

    private static final String TABLE = "audit_log";

    private static final int MONTHS_AHEAD = 3;

    // what each row's hash covers: the one definition, for the insert and the check
    private static final HashChain CHAIN = new HashChain(TABLE, "audit_log_chain",
            "jsonb_build_array(" + HashChain.micros("at")
                    + ", action, principal, tenant_id, dataset, query_hash, row_count, status, duration_ms)");

    // at is set here, not by the column's default, so that the hash covers what is
    // stored; a query no longer waits on the audit row's WAL flush (AsyncCommit)
    private static final String INSERT = CHAIN.insert(
            "at, action, principal, tenant_id, dataset, query_hash, row_count, status, duration_ms",
            "now(), ?::text, ?::text, ?::uuid, ?::text, ?::text, ?::bigint, ?::integer, ?::bigint",
            AsyncCommit.FROM_ITEM);

    private final JdbcTemplate jdbc;

    AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        MonthlyPartitions.ensure(jdbc, TABLE, MONTHS_AHEAD);
    }

    /** Run by the {@code query.audit-partitions} route. */
    public void keepPartitionsAhead() {
        MonthlyPartitions.ensure(jdbc, TABLE, MONTHS_AHEAD);
    }

    /**
     * {@code action}: "query" or "export"; {@code request}: the request text the hash is
     * made of. The chain's head stays locked until the caller's transaction ends and
     * every query's audit row waits for it: never call this within a transaction of one's
     * own.
     */
    public void record(String action, String principal, UUID tenant, String dataset, String request, Long rows,
            int status, long durationMs) {
        inserted(
                jdbc.update(INSERT, action, principal, tenant, dataset, Sha256.hex(request), rows, status, durationMs));
    }

    /**
     * As {@link #record}, on a connection whose transaction only read: rolls it back and
     * records in the same round trip (the insert commits on its own once the rollback has
     * ended the transaction).
     */
    void rollBackAndRecord(Connection connection, String action, String principal, UUID tenant, String dataset,
            String request, Long rows, int status, long durationMs) throws SQLException {
        try (PreparedStatement statement = Statements.prepared(connection, "ROLLBACK; " + INSERT,
                Arrays.asList(action, principal, tenant, dataset, Sha256.hex(request), rows, status, durationMs))) {
            statement.execute();
            // the ROLLBACK's result first, then the insert's
            int count = statement.getUpdateCount();
            while (statement.getMoreResults() || statement.getUpdateCount() != -1) {
                count = statement.getUpdateCount();
            }
            inserted(count);
        }
    }

    /**
     * Walks the chain of {@code audit_log} in the database: its first broken link, if any
     * (the route {@code GET /admin/audit/verify} answers it). Rows of a dropped partition
     * are gone from it: the first row present is its anchor.
     */
    public HashChain.Verdict verifyChain() {
        return CHAIN.verify(jdbc);
    }

    private static void inserted(int rows) {
        if (rows != 1) {
            throw new IllegalStateException("audit_log_chain has no head: the audit row was not written");
        }
    }

}
