package io.dataforge.export.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.dataforge.platform.database.CellValues;
import java.io.OutputStream;
import java.util.List;

/**
 * One JSON object per row (column name to value), either inside a single array (JSON) or
 * one per line, each line ended by {@code \n} (NDJSON). Values as {@link CellValues}
 * writes them: numbers stay numbers with every digit, json columns stay nested JSON.
 */
final class JsonRenderer implements Renderer {

    // AUTO_CLOSE_JSON_CONTENT off: a render that fails half-way must not end in a
    // well-formed, complete-looking file
    private static final JsonMapper MAPPER = JsonMapper.builder()
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
        .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
        .build();

    private final boolean lines;

    JsonRenderer(boolean lines) {
        this.lines = lines;
    }

    @Override
    public long render(List<String> columns, RowSource rows, OutputStream out) throws Exception {
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
                    CellValues.write(json, row[i]);
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

}
