package io.dataforge.query;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.dataforge.platform.database.CellValues;
import io.dataforge.query.cache.QueryCache;
import io.dataforge.query.sql.SqlCompiler;

/**
 * The JSON body of one answer, {@code {rows, totalRows, executionMs, etag, nextCursor}},
 * written as the rows come off the result set: no map per row, each cell as
 * {@link CellValues} shows it, and the text is made once. The etag is a SHA-256 taken
 * over the rows' text (and the total) while it is written, so the same result has the
 * same etag. Hidden columns (cursor sort values, row id) stay out of the rows; those of a
 * full page's last row are kept for the next cursor.
 */
final class PageBody {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);

    private final DigestOutputStream hashing = new DigestOutputStream(bytes, sha256());

    private final JsonGenerator out;

    private int rows;

    private List<Object> lastHidden = List.of();

    PageBody(JsonFactory factory) throws IOException {
        out = factory.createGenerator(hashing);
        out.writeStartObject();
        out.writeFieldName("rows");
    }

    /**
     * Writes every row of {@code rs}; {@code names} are the query's output names, hidden
     * ones included. The hidden values are read of row number {@code cursorRow} only
     * (counting from 1; a full page's last row), the one a next cursor is made of.
     */
    void rows(ResultSet rs, List<String> names, int cursorRow) throws SQLException, IOException {
        ResultSetMetaData meta = rs.getMetaData();
        int count = meta.getColumnCount();
        CellValues.Kind[] kinds = new CellValues.Kind[count];
        boolean[] hidden = new boolean[count];
        for (int i = 0; i < count; i++) {
            kinds[i] = CellValues.Kind.of(meta.getColumnTypeName(i + 1));
            hidden[i] = names.get(i).startsWith(SqlCompiler.HIDDEN);
        }
        out.flush();
        hashing.on(true);
        out.writeStartArray();
        Object[] last = new Object[count];
        while (rs.next()) {
            out.writeStartObject();
            boolean cursor = rows + 1 == cursorRow;
            for (int i = 0; i < count; i++) {
                if (hidden[i]) {
                    if (cursor) {
                        last[i] = kinds[i].read(rs, i + 1); // dates and times as the rows
                                                            // show them
                    }
                }
                else {
                    out.writeFieldName(names.get(i));
                    kinds[i].write(rs, i + 1, out);
                }
            }
            out.writeEndObject();
            rows++;
        }
        out.writeEndArray();
        out.flush();
        hashing.on(false);
        List<Object> kept = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (hidden[i]) {
                kept.add(last[i]);
            }
        }
        lastHidden = kept;
    }

    int rowCount() {
        return rows;
    }

    /**
     * The hidden values of the cursor row, in output order: the sort values, then the row
     * id.
     */
    List<Object> lastHidden() {
        return lastHidden;
    }

    /**
     * Ends the body; the etag also covers the total, which can change while the rows do
     * not.
     */
    QueryCache.Answer finish(Long totalRows, long executionMs, String nextCursor) throws IOException {
        hashing.getMessageDigest().update(("|" + totalRows).getBytes(StandardCharsets.US_ASCII));
        String etag = '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(hashing.getMessageDigest().digest())
                + '"';
        out.writeObjectField("totalRows", totalRows);
        out.writeNumberField("executionMs", executionMs);
        out.writeStringField("etag", etag);
        out.writeStringField("nextCursor", nextCursor);
        out.writeEndObject();
        out.close();
        return new QueryCache.Answer(bytes.toByteArray(), etag, rows);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
