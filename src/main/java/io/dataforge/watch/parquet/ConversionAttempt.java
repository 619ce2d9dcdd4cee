package io.dataforge.watch.parquet;

import io.dataforge.watch.RejectedFileException;
import io.dataforge.watch.StreamSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One pass over the source: infer types on the sample, then stream every row into one
 * sink stream. When a row does not fit, the sink attempt is aborted at once and the rest
 * of the source is only read to learn every widening it needs, so that the next attempt
 * usually is the last.
 */
final class ConversionAttempt {

    private final DataFormat format;

    private final ConversionSettings settings;

    private final Columns columns;

    private final ColumnTypes types;

    ConversionAttempt(DataFormat format, ConversionSettings settings, Columns columns, ColumnTypes types) {
        this.format = format;
        this.settings = settings;
        this.columns = columns;
        this.types = types;
    }

    Columns columns() {
        return columns;
    }

    ColumnTypes types() {
        return types;
    }

    /**
     * The result, or empty when the types were widened and the caller must start again
     * with them.
     */
    Optional<ConversionResult> run(StreamSource source, ParquetSink sink, int attempt)
            throws IOException, RejectedFileException {
        try (InputStream in = source.open(); RecordReader reader = RecordReaders.open(format, in, columns, settings)) {
            List<RawRow> sample = readSample(reader);
            int width = columns.size();
            types.settle(width);
            List<ColumnSpec> specs = types.specs(columns);
            OutputStream out = sink.open();
            ParquetRowWriter writer;
            try {
                writer = new ParquetRowWriter(out, specs, ParquetRowWriter.mostlyDistinct(sample, specs), settings);
            }
            catch (IOException | RuntimeException e) {
                sink.abort(out);
                throw e;
            }
            long rows;
            try {
                rows = writeRows(reader, sample, writer, width);
                if (rows >= 0) {
                    writer.close();
                }
            }
            catch (IOException | RejectedFileException | RuntimeException | Error e) {
                writer.abandon();
                sink.abort(out);
                throw e;
            }
            if (rows >= 0) {
                return Optional.of(new ConversionResult(rows, specs, writer.bytesWritten(), attempt));
            }
            writer.abandon();
            sink.abort(out);
            while (reader.next(sample.get(0))) {
                types.widenToFit(sample.get(0));
            }
            return Optional.empty();
        }
    }

    /**
     * At most {@code sampleRows} rows, and no more than a row group's bytes of them (a
     * wide file samples fewer).
     */
    private List<RawRow> readSample(RecordReader reader) throws IOException, RejectedFileException {
        List<RawRow> sample = new ArrayList<>();
        RawRow row = new RawRow();
        long bytes = 0;
        while (sample.size() < settings.sampleRows() && bytes < settings.rowGroupBytes() && reader.next(row)) {
            types.widenToFit(row);
            sample.add(row.copy());
            bytes += row.heapBytes();
        }
        // a widening late in the sample can exclude an earlier value (a big int in a
        // column that became DOUBLE)
        boolean changed = true;
        while (changed) {
            changed = false;
            for (RawRow sampled : sample) {
                changed |= types.widenToFit(sampled);
            }
        }
        return sample;
    }

    /**
     * Rows written, or -1 after the first row that needs a widening (left in
     * {@code sample.get(0)}, widened).
     */
    private long writeRows(RecordReader reader, List<RawRow> sample, ParquetRowWriter writer, int width)
            throws IOException, RejectedFileException {
        TypedRow typed = new TypedRow(width);
        long rows = 0;
        for (RawRow row : sample) {
            if (types.toTyped(row, typed) >= 0) {
                throw new IllegalStateException("a sampled row does not fit the sampled types");
            }
            writer.write(typed);
            rows++;
        }
        sample.clear();
        RawRow row = new RawRow();
        sample.add(row);
        int fit;
        while ((fit = reader.nextTyped(row, typed, types)) != RecordReader.END) {
            if (fit != RecordReader.FITS || columns.size() != width) {
                types.widenToFit(row);
                return -1;
            }
            writer.write(typed);
            rows++;
        }
        return rows;
    }

}
