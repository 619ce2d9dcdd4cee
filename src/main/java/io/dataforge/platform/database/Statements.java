package io.dataforge.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Plain JDBC on a connection the caller holds (a transaction of its own, a cursor): bind
 * every parameter in order.
 */
public final class Statements {

    private Statements() {
    }

    /** Ids as one parameter of {@code = ANY (?::uuid[])}. */
    public static Object uuidArray(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

    /** {@code sql} with {@code params} bound in order; the caller closes it. */
    public static PreparedStatement prepared(Connection connection, String sql, List<Object> params)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
        return statement;
    }

    /** The one number a query such as {@code SELECT count(*) ...} answers. */
    public static long number(Connection connection, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement statement = prepared(connection, sql, params); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Makes the caller's open transaction a read-only snapshot (REPEATABLE READ) with a
     * statement timeout, 0 for none, in one round trip.
     */
    public static void readOnlySnapshot(Connection connection, long statementTimeoutMs) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(readOnlySnapshotSql(statementTimeoutMs));
        }
    }

    /**
     * The statements of {@link #readOnlySnapshot}, for a caller that sends more in the
     * same round trip.
     */
    public static String readOnlySnapshotSql(long statementTimeoutMs) {
        return "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET LOCAL statement_timeout = "
                + statementTimeoutMs;
    }

}
