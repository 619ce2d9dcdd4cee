package io.dataforge.export;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.export.render.RowSource;

/**
 * The rows of an export's cursor as renderers take them (numbers, booleans, ISO text for dates and times, JSON
 * trees for json columns), of its first {@code width} columns.
 * Every {@code every} rows it reports how far it got, and the report may stop the export by throwing.
 */
final class ResultRows implements RowSource {

    interface Progress {
        void rows(long done) throws Exception;
    }

    private final ResultSet rs;
    private final int width;
    private final String[] types;
    private final ObjectMapper json;
    private final int every;
    private final Progress progress;
    private long done;

    ResultRows(ResultSet rs, int width, ObjectMapper json, int every, Progress progress) throws SQLException {
        this.rs = rs;
        this.width = width;
        this.json = json;
        this.every = every;
        this.progress = progress;
        ResultSetMetaData meta = rs.getMetaData();
        types = new String[width];
        for (int i = 0; i < width; i++) {
            types[i] = meta.getColumnTypeName(i + 1);
        }
    }

    @Override
    public Object[] next() throws Exception {
        if (!rs.next()) {
            return null;
        }
        Object[] row = new Object[width];
        for (int i = 0; i < width; i++) {
            row[i] = value(i + 1, types[i]);
        }
        if (++done % every == 0) {
            progress.rows(done);
        }
        return row;
    }

    private Object value(int index, String type) throws Exception {
        Object raw = switch (type) {
            case "timestamp" -> rs.getObject(index, LocalDateTime.class);
            case "timestamptz" -> rs.getObject(index, OffsetDateTime.class);
            case "date" -> rs.getObject(index, LocalDate.class);
            case "numeric" -> rs.getBigDecimal(index);
            case "json", "jsonb", "uuid", "text", "varchar" -> rs.getString(index);
            default -> rs.getObject(index);
        };
        if (raw == null) {
            return null;
        }
        return switch (type) {
            case "json", "jsonb" -> json.readTree((String) raw);
            case "timestamp", "timestamptz", "date" -> raw.toString();
            default -> raw;
        };
    }
}
