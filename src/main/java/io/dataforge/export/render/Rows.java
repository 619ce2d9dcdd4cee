package io.dataforge.export.render;

/** Pulls rows for a renderer, refusing one whose width does not match the header. */
public final class Rows {

    private Rows() {
    }

    /**
     * The next row, or {@code null} at the end. A row of another width is a bug in the
     * caller: rendering it would shift values under the wrong column, so the export fails
     * instead.
     */
    public static Object[] next(RowSource rows, int width) throws Exception {
        Object[] row = rows.next();
        if (row != null && row.length != width) {
            throw new IllegalStateException("A row has " + row.length + " values for " + width + " columns");
        }
        return row;
    }

}
