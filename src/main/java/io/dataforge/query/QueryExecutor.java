package io.dataforge.query;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.dataforge.platform.database.Statements;
import io.dataforge.platform.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * Runs a compiled query in a read-only transaction under a statement timeout; the page (bounded by the limit) and
 * its total are read in the same snapshot. The rows go to a reader as they come.
 */
@Component
class QueryExecutor {

    private static final String QUERY_CANCELED = "57014";
    private static final int FETCH_SIZE = 1000;

    private final DataSource dataSource;
    private final QueryProperties props;

    QueryExecutor(DataSource dataSource, QueryProperties props) {
        this.dataSource = dataSource;
        this.props = props;
    }

    /** Reads the page's rows into {@code rows}; answers the total when asked for, else null. */
    Long run(CompiledQuery query, boolean includeTotal, RowsReader rows) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Statements.readOnlySnapshot(connection, props.statementTimeout().toMillis());
                try (PreparedStatement statement = Statements.prepared(connection, query.sql(), query.params())) {
                    // a 5000-row page is read in batches rather than held whole by the driver
                    statement.setFetchSize(FETCH_SIZE);
                    try (ResultSet rs = statement.executeQuery()) {
                        rows.read(rs);
                    }
                }
                Long total = includeTotal ? Statements.number(connection, query.countSql(), query.countParams()) : null;
                connection.commit();
                return total;
            } catch (SQLException e) {
                connection.rollback();
                if (QUERY_CANCELED.equals(e.getSQLState())) {
                    long ms = props.statementTimeout().toMillis();
                    throw new ApiException(422, "The query ran longer than " + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms")
                            + " and was stopped: narrow the filter or the page", "QUERY_TIMEOUT", null);
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Consumes the rows of a page's result set. */
    interface RowsReader {
        void read(ResultSet rs) throws SQLException, IOException;
    }

}
