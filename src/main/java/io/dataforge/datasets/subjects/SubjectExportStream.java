package io.dataforge.datasets.subjects;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.dataforge.datasets.Dataset;
import io.dataforge.datasets.Identifiers;
import io.dataforge.platform.database.CellValues;
import io.dataforge.platform.database.ChunkedStream;
import io.dataforge.platform.database.Statements;

/**
 * A subject's export ({@link SubjectExport}'s shape) written as the response is read: one
 * dataset's cursor at a time (fetch size 500), a few hundred rows per chunk, cells as
 * {@link CellValues} shows them, so neither the rows nor the document is ever held whole.
 * Everything is read in one read-only snapshot, the counts taken first included, so the
 * audited counts are the rows written. Closing the stream (at the end, or when the
 * exchange completes after a broken download) ends the transaction.
 */
final class SubjectExportStream extends ChunkedStream {

    private static final int ROWS_PER_CHUNK = 200;

    private static final int FETCH_SIZE = 500;

    /** A dataset of the export, and its subject's rows, if the value can be in it. */
    private record Part(Dataset dataset, Optional<SubjectMatch> match, long rows) {
    }

    private final Connection connection;

    private final boolean piiReader;

    private final List<Part> parts = new ArrayList<>();

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);

    private final JsonGenerator out;

    private int nextPart;

    private PreparedStatement statement;

    private ResultSet rows;

    private CellValues.Kind[] kinds;

    private String[] names;

    SubjectExportStream(DataSource dataSource, List<Dataset> datasets, UUID tenant, String value, boolean piiReader)
            throws SQLException, IOException {
        this.piiReader = piiReader;
        this.connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            Statements.readOnlySnapshot(connection, 0);
            for (Dataset dataset : datasets) {
                Optional<SubjectMatch> match = SubjectMatch.of(dataset, tenant, value);
                long count = match.isEmpty() ? 0 : Statements.number(connection,
                        "SELECT count(*) FROM " + dataset.table() + match.get().where(), match.get().params());
                parts.add(new Part(dataset, match, count));
            }
            out = new JsonFactory().createGenerator(buffer, JsonEncoding.UTF8);
            out.writeStartObject();
            out.writeStringField("tenantId", tenant.toString());
            out.writeStringField("exportedAt", Instant.now().toString());
            out.writeArrayFieldStart("datasets");
            out.flush();
            start(drain());
        }
        catch (SQLException | IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Rows of the subject by dataset, as they will be written. */
    Map<String, Long> counts() {
        return parts.stream()
            .collect(Collectors.toMap(part -> part.dataset().name(), Part::rows, (a, b) -> a, LinkedHashMap::new));
    }

    @Override
    protected byte[] nextChunk() throws IOException {
        try {
            int written = 0;
            while (written < ROWS_PER_CHUNK && !isLast()) {
                if (rows == null) {
                    startNextPart();
                }
                else if (rows.next()) {
                    writeRow();
                    written++;
                }
                else {
                    endPart();
                }
            }
            out.flush();
            return drain();
        }
        catch (SQLException e) {
            throw new IOException("Reading the subject's rows failed", e);
        }
    }

    private void startNextPart() throws SQLException, IOException {
        if (nextPart == parts.size()) {
            out.writeEndArray();
            out.writeEndObject();
            last();
            return;
        }
        Part part = parts.get(nextPart++);
        out.writeStartObject();
        out.writeStringField("dataset", part.dataset().name());
        out.writeStringField("subjectColumn", part.dataset().subject());
        out.writeArrayFieldStart("rows");
        if (part.match().isEmpty()) {
            out.writeEndArray();
            out.writeEndObject();
            return;
        }
        statement = Statements.prepared(connection,
                select(part.dataset()) + part.match().get().where() + " ORDER BY row_id", part.match().get().params());
        statement.setFetchSize(FETCH_SIZE);
        rows = statement.executeQuery();
        ResultSetMetaData meta = rows.getMetaData();
        kinds = new CellValues.Kind[meta.getColumnCount()];
        names = new String[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = CellValues.Kind.of(meta.getColumnTypeName(i + 1));
            names[i] = meta.getColumnLabel(i + 1);
        }
    }

    /** The declared columns, pii ones masked as the query API masks them. */
    private String select(Dataset dataset) {
        return "SELECT " + dataset.columns()
            .stream()
            .map(column -> column.selected(piiReader) + " AS " + Identifiers.quote(column.name()))
            .collect(Collectors.joining(", ")) + " FROM " + dataset.table();
    }

    private void writeRow() throws SQLException, IOException {
        out.writeStartObject();
        for (int i = 0; i < kinds.length; i++) {
            out.writeFieldName(names[i]);
            kinds[i].write(rows, i + 1, out);
        }
        out.writeEndObject();
    }

    private void endPart() throws SQLException, IOException {
        out.writeEndArray();
        out.writeEndObject();
        closeCursor();
    }

    private void closeCursor() throws SQLException {
        try {
            if (rows != null) {
                rows.close();
            }
        }
        finally {
            rows = null;
            if (statement != null) {
                statement.close();
                statement = null;
            }
        }
    }

    private byte[] drain() {
        byte[] bytes = buffer.toByteArray();
        buffer.reset();
        return bytes;
    }

    @Override
    protected void release() throws IOException {
        try (connection) {
            closeCursor();
            connection.rollback();
            connection.setAutoCommit(true);
        }
        catch (SQLException e) {
            throw new IOException("Closing the subject export failed", e);
        }
    }

}
