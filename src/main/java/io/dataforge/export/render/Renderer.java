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
     * @param out owned by the caller: flushed, never closed
     * @return the number of rows written
     */
    long render(List<String> columns, RowSource rows, OutputStream out) throws Exception;

}
