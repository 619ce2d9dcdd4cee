package io.dataforge.errors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.dataforge.platform.database.ChunkedStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Error rows as RFC 4180 CSV, produced as the response is read: a JDBC cursor (autocommit
 * off, fetch size 500) is advanced a few hundred rows at a time, so neither the result
 * nor the file is ever held whole. Closing the stream (at the end, or when the exchange
 * completes after a broken download) ends the query.
 */
final class ErrorCsvStream extends ChunkedStream {

    static final String[] HEADER = { "id", "reportedAt", "accountId", "siteId", "batchId", "type", "title", "message",
            "stackTrace", "clientVersion", "metadata" };

    private static final int ROWS_PER_CHUNK = 200;

    private final Connection connection;

    private final PreparedStatement statement;

    private final ResultSet rows;

    private final StringBuilder text = new StringBuilder();

    private final CSVPrinter printer;

    ErrorCsvStream(DataSource dataSource, String sql, Object[] args) throws SQLException, IOException {
        this.connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            statement = connection.prepareStatement(sql);
            statement.setFetchSize(500);
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            rows = statement.executeQuery();
            printer = new CSVPrinter(text, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
            start(drain());
        }
        catch (SQLException | IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    protected byte[] nextChunk() throws IOException {
        try {
            for (int i = 0; i < ROWS_PER_CHUNK; i++) {
                if (!rows.next()) {
                    last();
                    break;
                }
                printer.printRecord(rows.getString(1), rows.getObject(2, java.time.OffsetDateTime.class),
                        rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                        rows.getString(8), rows.getString(9), rows.getString(10), rows.getString(11));
            }
            return drain();
        }
        catch (SQLException e) {
            throw new IOException("Reading error logs failed", e);
        }
    }

    private byte[] drain() {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        text.setLength(0);
        return bytes;
    }

    @Override
    protected void release() throws IOException {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
            connection.close();
        }
        catch (SQLException e) {
            throw new IOException("Closing the error export failed", e);
        }
    }

}
