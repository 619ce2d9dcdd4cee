package io.dataforge.platform.database;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Creates the monthly range partitions of a table partitioned by a timestamp, from this
 * month to {@code ahead} months on, so inserts never miss a partition. Idempotent.
 * Partition names come from the table name (a constant of the calling capability) and
 * dates, never from input.
 */
public final class MonthlyPartitions {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy_MM");

    private MonthlyPartitions() {
    }

    /**
     * The partitions that exist for the months checked (created now or before). Replicas
     * starting together all run this: one transaction under a lock per table, since two
     * concurrent {@code CREATE TABLE IF NOT EXISTS} of one name can both try to create
     * it.
     */
    public static List<String> ensure(JdbcTemplate jdbc, String table, int ahead) {
        return jdbc.execute((ConnectionCallback<List<String>>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                AdvisoryLocks.lockForTransaction(connection, "partitions:" + table);
                List<String> names = new ArrayList<>();
                YearMonth month = YearMonth.now(ZoneOffset.UTC);
                for (int i = 0; i <= ahead; i++, month = month.plusMonths(1)) {
                    LocalDate from = month.atDay(1);
                    String name = table + "_" + MONTH.format(from);
                    statement.execute("CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF " + table
                            + " FOR VALUES FROM ('" + from + "') TO ('" + from.plusMonths(1) + "')");
                    names.add(name);
                }
                connection.commit();
                return names;
            }
            catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            finally {
                connection.setAutoCommit(autoCommit);
            }
        });
    }

}
