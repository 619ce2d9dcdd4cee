package io.dataforge.export.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * One JSON object per row (column name to value), either inside a single array (JSON) or one per line, each line
 * ended by {@code \n} (NDJSON). Numbers stay numbers with every digit, json columns stay nested JSON.
 */
final class JsonRenderer implements Renderer {

    // AUTO_CLOSE_JSON_CONTENT off: a render that fails half-way must not end in a well-formed, complete-looking file
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final boolean lines;

    JsonRenderer(boolean lines) {
        this.lines = lines;
    }

    @Override
    public long render(List<String> columns, long expectedRows, RowSource rows, OutputStream out) throws Exception {
        long count = 0;
        try (JsonGenerator json = MAPPER.createGenerator(out)) {
            if (!lines) {
                json.writeStartArray();
            }
            Object[] row;
            while ((row = Rows.next(rows, columns.size())) != null) {
                json.writeStartObject();
                for (int i = 0; i < row.length; i++) {
                    json.writeFieldName(columns.get(i));
                    writeValue(json, row[i]);
                }
                json.writeEndObject();
                if (lines) {
                    json.writeRaw('\n');
                }
                count++;
            }
            if (!lines) {
                json.writeEndArray();
            }
            json.flush();
        }
        return count;
    }

    private static void writeValue(JsonGenerator json, Object value) throws Exception {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (value instanceof BigInteger integer) {
            json.writeNumber(integer);
        } else if (value instanceof Double || value instanceof Float) {
            // NaN and infinities have no JSON number form; Jackson writes them as strings
            json.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof JsonNode node) {
            json.writeTree(node);
        } else {
            json.writeString(CellText.of(value));
        }
    }
}
