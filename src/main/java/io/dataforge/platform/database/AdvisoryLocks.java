package io.dataforge.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL advisory locks named by a string key that says what is locked
 * ({@code "export-job:<id>"}). The key is always a bound parameter, hashed by the
 * database to 64 bits ({@code hashtextextended}) rather than 32, so keys of different
 * purposes (each with its own prefix) are all but certain never to collide. Every user of
 * one lock must come through here: the same key hashed another way is another lock. A
 * transaction lock ends with the caller's transaction; a session lock must be given back
 * before its connection returns to the pool, or the next borrower inherits it.
 */
public final class AdvisoryLocks {

    private static final String KEY = "hashtextextended(?, 0)";

    private AdvisoryLocks() {
    }

    /**
     * Waits for the lock and holds it until the transaction {@code jdbc} runs in (a
     * Spring one) ends.
     */
    public static void lockForTransaction(JdbcTemplate jdbc, String key) {
        jdbc.query("SELECT pg_advisory_xact_lock(" + KEY + ")", rs -> null, key);
    }

    /** Waits for the lock and holds it until the transaction open on {@code tx} ends. */
    public static void lockForTransaction(Connection tx, String key) throws SQLException {
        try (PreparedStatement statement = tx.prepareStatement("SELECT pg_advisory_xact_lock(" + KEY + ")")) {
            statement.setString(1, key);
            statement.execute();
        }
    }

    /**
     * Takes the lock for the session of {@code session} if no one holds it, without
     * waiting: true when taken.
     */
    public static boolean tryLockForSession(Connection session, String key) throws SQLException {
        return answer(session, "SELECT pg_try_advisory_lock(" + KEY + ")", key);
    }

    /**
     * Takes the lock for the session of {@code session}, waiting up to {@code patience}
     * for its holder to give it back or to go: true when taken.
     */
    public static boolean tryLockForSession(Connection session, String key, Duration patience)
            throws SQLException, InterruptedException {
        long giveUpAt = System.nanoTime() + patience.toNanos();
        while (!tryLockForSession(session, key)) {
            if (System.nanoTime() > giveUpAt) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /**
     * Gives back a lock taken by {@link #tryLockForSession}: true when this session held
     * it.
     */
    public static boolean unlockSession(Connection session, String key) throws SQLException {
        return answer(session, "SELECT pg_advisory_unlock(" + KEY + ")", key);
    }

    private static boolean answer(Connection connection, String sql, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

}
