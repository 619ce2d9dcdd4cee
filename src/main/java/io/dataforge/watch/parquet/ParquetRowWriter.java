package io.dataforge.watch.parquet;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One Parquet file streamed into one sink stream. Configured through
 * PlainParquetConfiguration, so Hadoop's Configuration is only created by the codec
 * factory, and never a FileSystem. Memory is bounded by the row group size: the writer
 * buffers one encoded, compressed row group before it goes out, and a page per column,
 * which {@link #pageBytes} keeps within the row group's size together.
 */
final class ParquetRowWriter implements AutoCloseable {

    /**
     * Fewer sampled rows say too little about a column's values: dictionaries stay on.
     */
    private static final int MIN_SAMPLE = 1000;

    private final StreamOutputFile file;

    private final ParquetWriter<TypedRow> writer;

    /**
     * {@code plain} names the columns written without a dictionary (see
     * {@link #mostlyDistinct}).
     */
    ParquetRowWriter(OutputStream sink, List<ColumnSpec> columns, Set<String> plain, ConversionSettings settings)
            throws IOException {
        this.file = new StreamOutputFile(sink);
        Builder builder = new Builder(file, new RowWriteSupport(columns)).withConf(configuration(settings))
            .withCompressionCodec(codec(settings.codec()))
            .withRowGroupSize(settings.rowGroupBytes())
            .withPageSize(pageBytes(settings, columns.size()))
            .withDictionaryPageSize(pageBytes(settings, columns.size()))
            .withDictionaryEncoding(true)
            // min/max statistics stay; the size statistics parquet-java added in 1.15
            // (byte counts and level histograms per page) cost a tenth of the writer's
            // time and few readers use them
            .withSizeStatisticsEnabled(false)
            .withValidation(false);
        plain.forEach(column -> builder.withDictionaryEncoding(column, false));
        this.writer = builder.build();
    }

    /**
     * The columns whose sample is mostly distinct values (ids, timestamps, free text). A
     * dictionary of them only fills up: parquet-java then gives it up and encodes the
     * whole page again plain, work thrown away on every page (a fifth of the writer's
     * time on the events file). They are written plain from the first value.
     */
    static Set<String> mostlyDistinct(List<RawRow> sample, List<ColumnSpec> columns) {
        if (sample.size() < MIN_SAMPLE) {
            return Set.of();
        }
        Set<String> plain = new HashSet<>();
        for (int column = 0; column < columns.size(); column++) {
            Set<String> distinct = new HashSet<>();
            for (RawRow row : sample) {
                if (column < row.width() && row.value(column) != null) {
                    distinct.add(row.value(column));
                }
            }
            if (distinct.size() > sample.size() / 2) {
                plain.add(columns.get(column).name());
            }
        }
        return plain;
    }

    /**
     * Every column buffers a page (and a dictionary) beside the row group, so a wide file
     * gets smaller pages: all of them together stay within the row group's size, never
     * under 64 KiB nor over the configured page size.
     */
    static int pageBytes(ConversionSettings settings, int columns) {
        long share = settings.rowGroupBytes() / Math.max(columns, 1);
        return (int) Math.max(64 << 10, Math.min(settings.pageBytes(), share));
    }

    private static PlainParquetConfiguration configuration(ConversionSettings settings) {
        PlainParquetConfiguration conf = new PlainParquetConfiguration();
        conf.set("parquet.compression.codec.zstd.level", Integer.toString(settings.zstdLevel()));
        return conf;
    }

    void write(TypedRow row) throws IOException {
        writer.write(row);
    }

    long bytesWritten() {
        return file.position();
    }

    /**
     * Completes the Parquet file (footer) and closes the sink stream, which completes the
     * upload.
     */
    @Override
    public void close() throws IOException {
        writer.close();
    }

    /**
     * Stops output to the sink and frees the writer's buffers and codecs; the caller
     * aborts the sink.
     */
    void abandon() {
        file.discard();
        try {
            writer.close();
        }
        catch (IOException | RuntimeException e) {
            // the attempt is being discarded; nothing of it is kept
        }
    }

    private static CompressionCodecName codec(ParquetCodec codec) {
        return switch (codec) {
            case ZSTD -> CompressionCodecName.ZSTD;
            case SNAPPY -> CompressionCodecName.SNAPPY;
            case UNCOMPRESSED -> CompressionCodecName.UNCOMPRESSED;
        };
    }

    private static final class Builder extends ParquetWriter.Builder<TypedRow, Builder> {

        private final RowWriteSupport writeSupport;

        Builder(OutputFile file, RowWriteSupport writeSupport) {
            super(file);
            this.writeSupport = writeSupport;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<TypedRow> getWriteSupport(Configuration conf) {
            return writeSupport;
        }

        @Override
        protected WriteSupport<TypedRow> getWriteSupport(ParquetConfiguration conf) {
            return writeSupport;
        }

    }

}
