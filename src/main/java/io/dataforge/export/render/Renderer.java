package io.dataforge.export.render;

import java.io.OutputStream;
import java.util.List;

/**
 * Writes the rows of an export in one file format, streaming: no row is kept once
 * written.
 */
@FunctionalInterface
public interface Renderer {

    /**
     * Renders every row of {@code rows} under a header of {@code columns}.
     * @param expectedRows the exact row count when it was taken in the same snapshot,
     * otherwise -1; only XLSX uses it (to know how many sheets to declare before the
     * first row is written)
     * @param out owned by the caller: flushed, never closed
     * @return the number of rows written
     */
    long render(List<String> columns, long expectedRows, RowSource rows, OutputStream out) throws Exception;

}
