package io.dataforge.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

import io.dataforge.platform.database.AsyncCommit;
import io.dataforge.platform.database.MonthlyPartitions;
import io.dataforge.platform.database.Statements;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code audit_log}: who read which tenant's dataset, with a hash of the request (not the
 * request: filter values may be personal data), the rows returned, the HTTP status and
 * the time taken. Monthly partitions are kept three months ahead, at start-up and then
 * every {@code dataforge.query.audit-partition-check} (route {@code
 * query.audit-partitions}).
 */
@Component("auditLog")
public class AuditLog {

    private static final String TABLE = "audit_log";

    private static final int MONTHS_AHEAD = 3;

    // a query no longer waits on the audit row's WAL flush (AsyncCommit)
    private static final String INSERT = "INSERT INTO audit_log (action, principal, tenant_id, dataset, query_hash, row_count, status, duration_ms)"
            + " SELECT ?::text, ?::text, ?::uuid, ?::text, ?::text, ?::bigint, ?::integer, ?::bigint" + " FROM "
            + AsyncCommit.FROM_ITEM;

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
     * made of.
     */
    public void record(String action, String principal, UUID tenant, String dataset, String request, Long rows,
            int status, long durationMs) {
        jdbc.update(INSERT, action, principal, tenant, dataset, hash(request), rows, status, durationMs);
    }

    /**
     * As {@link #record}, on a connection whose transaction only read: rolls it back and
     * records in the same round trip (the insert commits on its own once the rollback has
     * ended the transaction).
     */
    void rollBackAndRecord(Connection connection, String action, String principal, UUID tenant, String dataset,
            String request, Long rows, int status, long durationMs) throws SQLException {
        try (PreparedStatement statement = Statements.prepared(connection, "ROLLBACK; " + INSERT,
                Arrays.asList(action, principal, tenant, dataset, hash(request), rows, status, durationMs))) {
            statement.execute();
        }
    }

    private static String hash(String request) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
