package io.dataforge.query;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.dataforge.datasets.Dataset;
import io.dataforge.datasets.DatasetCatalog;
import io.dataforge.platform.database.Statements;
import io.dataforge.platform.web.ApiException;
import io.dataforge.query.sql.CompiledQuery;
import io.dataforge.query.sql.Json;
import org.springframework.stereotype.Component;

/**
 * Runs queries in a read-only snapshot under a statement timeout, on one connection: the
 * dataset's declaration, the page (bounded by the limit) and its total are all read in
 * the same snapshot. The rows go to a reader as they come.
 */
@Component
class QueryExecutor {

    private static final String QUERY_CANCELED = "57014";

    private static final int FETCH_SIZE = 1000;

    private final DataSource dataSource;

    private final DatasetCatalog datasets;

    private final QueryProperties props;

    QueryExecutor(DataSource dataSource, DatasetCatalog datasets, QueryProperties props) {
        this.dataSource = dataSource;
        this.datasets = datasets;
        this.props = props;
    }

    /**
     * A snapshot of the named dataset: its declaration as of now, read again only when it
     * changed. The snapshot's settings and the declaration's version go to the database
     * in one round trip. Unknown dataset → 404.
     */
    Snapshot open(String dataset) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            // the transaction begins in the statement itself: with auto-commit off, the
            // driver sends its own BEGIN
            // ahead of it in a socket write of its own
            try (PreparedStatement statement = connection
                .prepareStatement("BEGIN; " + Statements.readOnlySnapshotSql(props.statementTimeout().toMillis()) + "; "
                        + DatasetCatalog.VERSION)) {
                statement.setString(1, dataset);
                try {
                    statement.execute();
                }
                finally {
                    // within the transaction begun above (so no BEGIN of the driver's);
                    // pages are then read by fetch
                    // size, and closing rolls back
                    connection.setAutoCommit(false);
                }
                while (statement.getResultSet() == null
                        && (statement.getMoreResults() || statement.getUpdateCount() != -1)) {
                    // past the settings' results to the version's
                }
                try (ResultSet rs = statement.getResultSet()) {
                    if (rs == null || !rs.next()) {
                        throw new ApiException(404, "No dataset '" + Json.excerpt(dataset) + "'", "UNKNOWN_DATASET",
                                null);
                    }
                    int version = rs.getInt(1);
                    return new Snapshot(connection, datasets.declared(connection, dataset, version), version);
                }
            }
        }
        catch (SQLException | RuntimeException e) {
            try {
                release(connection);
            }
            catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** One open snapshot; closing it ends the transaction and returns the connection. */
    final class Snapshot implements AutoCloseable {

        private final Connection connection;

        private final Dataset dataset;

        private final int version;

        private Snapshot(Connection connection, Dataset dataset, int version) {
            this.connection = connection;
            this.dataset = dataset;
            this.version = version;
        }

        Dataset dataset() {
            return dataset;
        }

        /**
         * The declaration's version: an answer made under one version is not an answer
         * under the next.
         */
        int version() {
            return version;
        }

        /**
         * Reads the page's rows into {@code rows}; answers the total when asked for, else
         * null.
         */
        Long run(CompiledQuery query, boolean includeTotal, RowsReader rows) throws SQLException, IOException {
            try {
                try (PreparedStatement statement = Statements.prepared(connection, query.sql(), query.params())) {
                    // a 5000-row page is read in batches rather than held whole by the
                    // driver
                    statement.setFetchSize(FETCH_SIZE);
                    try (ResultSet rs = statement.executeQuery()) {
                        rows.read(rs);
                    }
                }
                return includeTotal ? Statements.number(connection, query.countSql(), query.countParams()) : null;
            }
            catch (SQLException e) {
                if (QUERY_CANCELED.equals(e.getSQLState())) {
                    long ms = props.statementTimeout().toMillis();
                    throw new ApiException(422,
                            "The query ran longer than " + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms")
                                    + " and was stopped: narrow the filter or the page",
                            "QUERY_TIMEOUT", null);
                }
                throw e;
            }
        }

        /**
         * Rolls back: the snapshot only read, so either way ends it the same, and
         * rollback also ends a failed one.
         */
        @Override
        public void close() throws SQLException {
            release(connection);
        }

        /**
         * Ends the snapshot with statements of the caller's that begin with a rollback,
         * sent in one round trip (the query's audit row, say), then returns the
         * connection.
         */
        void end(Ending ending) throws SQLException {
            try {
                ending.run(connection);
            }
            finally {
                release(connection);
            }
        }

    }

    private static void release(Connection connection) throws SQLException {
        try (connection) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    /** Statements that end a snapshot's transaction, beginning with ROLLBACK. */
    interface Ending {

        void run(Connection connection) throws SQLException;

    }

    /** Consumes the rows of a page's result set. */
    interface RowsReader {

        void read(ResultSet rs) throws SQLException, IOException;

    }

}
