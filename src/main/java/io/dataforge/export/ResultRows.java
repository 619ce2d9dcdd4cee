package io.dataforge.export;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

import io.dataforge.export.render.RowSource;
import io.dataforge.platform.database.CellValues;

/**
 * The rows of an export's cursor as renderers take them, each cell as {@link CellValues}
 * reads it (numbers, booleans, ISO text for dates and times, JSON text for json columns),
 * of its first {@code width} columns. Every {@code every} rows it reports how far it got,
 * and the report may stop the export by throwing.
 */
final class ResultRows implements RowSource {

    interface Progress {

        void rows(long done) throws Exception;

    }

    private final ResultSet rs;

    private final int width;

    private final CellValues.Kind[] kinds;

    private final int every;

    private final Progress progress;

    private long done;

    ResultRows(ResultSet rs, int width, int every, Progress progress) throws SQLException {
        this.rs = rs;
        this.width = width;
        this.every = every;
        this.progress = progress;
        ResultSetMetaData meta = rs.getMetaData();
        kinds = new CellValues.Kind[width];
        for (int i = 0; i < width; i++) {
            kinds[i] = CellValues.Kind.of(meta.getColumnTypeName(i + 1));
        }
    }

    @Override
    public Object[] next() throws Exception {
        if (!rs.next()) {
            return null;
        }
        Object[] row = new Object[width];
        for (int i = 0; i < width; i++) {
            row[i] = kinds[i].read(rs, i + 1);
        }
        if (++done % every == 0) {
            progress.rows(done);
        }
        return row;
    }

}
