package io.dataforge.watch.parquet;

/**
 * Limits and sizes of one conversion. {@code rowGroupBytes} bounds the writer's buffered
 * (encoded) data, so it is what bounds memory; {@code sampleRows} rows are held in memory
 * to infer the column types. {@code zstdLevel} trades speed for size: level 1 converted
 * the benchmark's events CSV 40 % faster than level 3 for a file 3.6 % larger.
 */
public record ConversionSettings(ParquetCodec codec, int zstdLevel, long rowGroupBytes, int pageBytes, int sampleRows,
        int maxColumns, int maxFieldChars) {

    public ConversionSettings {
        if (codec == null) {
            throw new IllegalArgumentException("codec is required");
        }
        if (zstdLevel < 1 || zstdLevel > 22) {
            throw new IllegalArgumentException("zstd level must be 1 to 22");
        }
        if (rowGroupBytes < 1024 || pageBytes < 1024 || sampleRows < 1 || maxColumns < 1 || maxFieldChars < 1) {
            throw new IllegalArgumentException("sizes and limits must be positive (row group and page at least 1 KiB)");
        }
    }

    /**
     * ZSTD level 1, 32 MiB row groups, 1 MiB pages, 10,000 sample rows, 2000 columns, 1
     * MiB per field.
     */
    public static ConversionSettings defaults() {
        return new ConversionSettings(ParquetCodec.ZSTD, 1, 32L << 20, 1 << 20, 10_000, 2000, 1 << 20);
    }

    /**
     * The row group that keeps one conversion within {@code conversionBytes} of heap:
     * beside its row group a conversion holds a page per column, the dictionaries, the
     * type sample and the parsing thread's batches, which together came to about twice
     * the row group (BENCHMARKS.md, watch). Between 1 MiB and 128 MiB.
     */
    public static long rowGroupFor(long conversionBytes) {
        return Math.max(1L << 20, Math.min(128L << 20, conversionBytes / 3));
    }

    public ConversionSettings withCodec(ParquetCodec newCodec) {
        return new ConversionSettings(newCodec, zstdLevel, rowGroupBytes, pageBytes, sampleRows, maxColumns,
                maxFieldChars);
    }

    public ConversionSettings withSampleRows(int rows) {
        return new ConversionSettings(codec, zstdLevel, rowGroupBytes, pageBytes, rows, maxColumns, maxFieldChars);
    }
}
