package io.dataforge.load.copy;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import io.dataforge.datasets.Dataset;
import io.dataforge.datasets.DatasetColumn;
import io.dataforge.load.LoadProperties;
import io.dataforge.load.Upload;
import io.dataforge.load.UploadRepository;
import io.dataforge.load.UploadStatus;
import io.dataforge.platform.database.AdvisoryLocks;
import io.dataforge.platform.storage.ObjectStore;
import io.dataforge.platform.tracing.Tracing;
import io.dataforge.platform.tracing.Tracing.Traced;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import org.apache.commons.io.input.BoundedInputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.stereotype.Component;

/**
 * One load attempt: the staged object streams from S3 through gunzip and the CSV parser;
 * each row is checked against the dataset's types and goes into one COPY, all in one
 * transaction that also marks the upload completed, so rows and status commit together or
 * not at all. A transaction-scoped advisory lock on the upload makes a redelivered
 * message wait for a load still running elsewhere and then find it finished. Progress and
 * bad rows are written on other connections, so pollers see them move.
 */
@Component
class CopyLoader {

    private final DataSource dataSource;

    private final ObjectStore store;

    private final UploadRepository uploads;

    private final RowErrorRepository rowErrors;

    private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system.name");

    private static final AttributeKey<String> DB_OPERATION = AttributeKey.stringKey("db.operation.name");

    // the statement's text only: the rows travel in the COPY stream, never in the span
    private static final AttributeKey<String> DB_QUERY = AttributeKey.stringKey("db.query.text");

    private final LoadProperties props;

    private final Tracing tracing;

    CopyLoader(DataSource dataSource, ObjectStore store, UploadRepository uploads, RowErrorRepository rowErrors,
            LoadProperties props, Tracing tracing) {
        this.tracing = tracing;
        this.dataSource = dataSource;
        this.store = store;
        this.uploads = uploads;
        this.rowErrors = rowErrors;
        this.props = props;
    }

    LoadResult load(Upload upload, Dataset dataset) throws IOException, SQLException {
        try (Connection tx = dataSource.getConnection()) {
            tx.setAutoCommit(false);
            try {
                LoadResult result = loadIn(tx, upload, dataset);
                tx.commit();
                return result;
            }
            catch (IOException | SQLException | RuntimeException e) {
                tx.rollback();
                throw e;
            }
            finally {
                tx.setAutoCommit(true);
            }
        }
    }

    private LoadResult loadIn(Connection tx, Upload upload, Dataset dataset) throws IOException, SQLException {
        AdvisoryLocks.lockForTransaction(tx, "dataforge.load:" + upload.id());
        if (currentStatus(tx, upload).isFinal()) {
            return LoadResult.alreadyFinished();
        }
        uploads.startAttempt(upload.id());
        execute(tx, "SET LOCAL TIME ZONE 'UTC'");
        Savepoint beforeCopy = tx.setSavepoint();
        Progress progress = new Progress(upload, new BadRows(upload.id(), rowErrors, props, upload.rowCount()));
        try {
            long created = copy(tx, upload, dataset, progress);
            LoadCounts counts = progress.finish();
            finish(tx, upload, "completed", counts, created, null);
            return new LoadResult(LoadResult.Outcome.COMPLETED, counts, created, null);
        }
        catch (LoadRejectedException e) {
            tx.rollback(beforeCopy);
            LoadCounts counts = progress.finish();
            finish(tx, upload, "failed", counts, null, e.getMessage());
            return new LoadResult(LoadResult.Outcome.FAILED, counts, 0, e.getMessage());
        }
    }

    private long copy(Connection tx, Upload upload, Dataset dataset, Progress progress)
            throws IOException, SQLException, LoadRejectedException {
        try (BoundedInputStream staged = BoundedInputStream.builder()
            .setInputStream(store.open(upload.stagingKey()))
            .get();
                InputStream data = upload.gzipped() ? new GZIPInputStream(staged, 1 << 16) : staged;
                CsvRows rows = new CsvRows(data)) {
            ColumnMapping mapping = ColumnMapping.of(dataset, rows.header());
            String sql = "COPY " + dataset.table() + " (" + mapping.copyColumns() + ") FROM STDIN WITH (FORMAT binary)";
            try (Traced traced = tracing.start("COPY " + dataset.table(), SpanKind.CLIENT,
                    Attributes.of(DB_SYSTEM, "postgresql", DB_OPERATION, "COPY", DB_QUERY, sql))) {
                return stream(tx, sql, rows, mapping, upload, staged, progress, traced);
            }
        }
    }

    private long stream(Connection tx, String sql, CsvRows rows, ColumnMapping mapping, Upload upload,
            BoundedInputStream staged, Progress progress, Traced traced)
            throws IOException, SQLException, LoadRejectedException {
        PGCopyOutputStream copy = new PGCopyOutputStream(tx.unwrap(PGConnection.class).getCopyAPI().copyIn(sql),
                1 << 16);
        try {
            CopyRowWriter writer = new CopyRowWriter(copy, upload.accountId(), upload.id(),
                    mapping.columns().stream().map(DatasetColumn::type).toList());
            Object[] values = new Object[mapping.columns().size()];
            while (rows.next()) {
                if (convert(rows, mapping, values, progress.badRows)) {
                    writer.write(values);
                }
                progress.row(staged.getCount());
            }
            progress.bytesRead = staged.getCount();
            progress.badRows.checkAtEnd(progress.rows);
            writer.finish();
            return copy.endCopy();
        }
        catch (SQLException e) {
            traced.failed(e);
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            throw refusedData(e);
        }
        catch (IOException | LoadRejectedException | RuntimeException e) {
            traced.failed(e);
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            throw e;
        }
    }

    /**
     * A data or integrity error from PostgreSQL fails the load; any other error is the
     * database's and is retried.
     */
    private static LoadRejectedException refusedData(SQLException e) throws SQLException {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
            return new LoadRejectedException("PostgreSQL refused the data: " + e.getMessage());
        }
        throw e;
    }

    /**
     * Fills {@code values} from the row; false (the row recorded as bad) when a value
     * does not fit.
     */
    private static boolean convert(CsvRows rows, ColumnMapping mapping, Object[] values, BadRows badRows)
            throws LoadRejectedException {
        List<String> fields = rows.fields();
        if (fields.size() != mapping.headerWidth()) {
            badRows.add(rows.rowNumber(), null,
                    "the row has " + fields.size() + " fields, the header " + mapping.headerWidth(), fields);
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = ColumnValues.convert(mapping.columns().get(i), fields.get(mapping.sources()[i]));
            }
            catch (ColumnValues.Misfit misfit) {
                badRows.add(rows.rowNumber(), mapping.columns().get(i).name(), misfit.getMessage(), fields);
                return false;
            }
        }
        return true;
    }

    private static UploadStatus currentStatus(Connection tx, Upload upload) throws SQLException {
        try (PreparedStatement select = tx.prepareStatement("SELECT status FROM uploads WHERE id = ?")) {
            select.setObject(1, upload.id());
            try (var rs = select.executeQuery()) {
                return rs.next() ? UploadStatus.of(rs.getString(1)) : UploadStatus.COMPLETED;
            }
        }
    }

    /**
     * completed_at is the clock's time: now() would be the transaction's start, before
     * the load began.
     */
    private static void finish(Connection tx, Upload upload, String status, LoadCounts counts, Long created,
            String error) throws SQLException {
        try (PreparedStatement update = tx.prepareStatement("UPDATE uploads SET status = ?, rows_processed = ?, "
                + "rows_failed = ?, bytes_read = ?, created_rows = ?, skipped_rows = ?, error_message = ?, "
                + "completed_at = clock_timestamp(), " + UploadRepository.WEBHOOK_DUE + " WHERE id = ?")) {
            update.setString(1, status);
            update.setLong(2, counts.rows());
            update.setLong(3, counts.badRows());
            update.setLong(4, counts.bytesRead());
            update.setObject(5, created);
            update.setObject(6, created == null ? null : counts.badRows());
            update.setString(7, error);
            update.setObject(8, upload.id());
            update.executeUpdate();
        }
    }

    private static void execute(Connection tx, String sql) throws SQLException {
        try (Statement statement = tx.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Counts rows and writes progress every few thousand rows, outside the load
     * transaction.
     */
    private final class Progress {

        private final Upload upload;

        private final BadRows badRows;

        private long rows;

        private long bytesRead;

        Progress(Upload upload, BadRows badRows) {
            this.upload = upload;
            this.badRows = badRows;
        }

        void row(long bytes) {
            rows++;
            if (rows % props.progressEveryRows() == 0) {
                bytesRead = bytes;
                badRows.flush();
                uploads.progress(upload.id(), new LoadCounts(rows, badRows.count(), bytesRead));
            }
        }

        LoadCounts finish() {
            badRows.flush();
            return new LoadCounts(rows, badRows.count(), bytesRead);
        }

    }

}
