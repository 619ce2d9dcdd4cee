package io.dataforge.watch.parquet;

import java.util.List;

/**
 * What the completed attempt wrote: data rows, the final column types, Parquet bytes,
 * attempts made (1 = no restart).
 */
public record ConversionResult(long rows, List<ColumnSpec> columns, long bytesWritten, int attempts) {

    public ConversionResult {
        columns = List.copyOf(columns);
    }
}
