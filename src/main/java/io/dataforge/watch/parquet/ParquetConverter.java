package io.dataforge.watch.parquet;

import io.dataforge.watch.RejectedFileException;
import io.dataforge.watch.StreamSource;

import java.io.IOException;
import java.util.Optional;

/**
 * Streams a data file (csv, tsv, json, jsonl, xml) into one compressed Parquet file:
 * types are inferred on the first {@code sampleRows} rows; a later value that does not
 * fit widens its column and the conversion starts again from a freshly opened source into
 * a fresh sink stream, so no value is ever altered or dropped. From the third attempt on
 * a column that still needs widening becomes STRING, which bounds the attempts at five.
 */
public final class ParquetConverter {

    private static final int MAX_ATTEMPTS = 5;

    private static final int LAST_TYPED_ATTEMPT = 2;

    private final ConversionSettings settings;

    public ParquetConverter(ConversionSettings settings) {
        this.settings = settings;
    }

    /**
     * Streams source → typed rows → Parquet into sink.open(). May re-open the source and
     * re-open the sink (aborting the previous attempt) when a later row does not fit the
     * inferred types (widening restart).
     */
    public ConversionResult convert(DataFormat format, StreamSource source, ParquetSink sink)
            throws IOException, RejectedFileException {
        Columns columns = new Columns(settings.maxColumns());
        ColumnTypes types = new ColumnTypes();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            types.widenStraightToString(attempt > LAST_TYPED_ATTEMPT);
            ConversionAttempt run = new ConversionAttempt(format, settings, columns.copy(), types.copy());
            Optional<ConversionResult> result = run.run(source, sink, attempt);
            if (result.isPresent()) {
                return result.get();
            }
            columns = run.columns();
            types = run.types();
        }
        throw new IllegalStateException("column types did not settle after " + MAX_ATTEMPTS + " attempts");
    }

    /**
     * Loads the codec's native library now: zstd-jni and snappy-java unpack it into
     * java.io.tmpdir on first use (zstd deletes it once loaded, snappy only at a clean
     * JVM exit), so this belongs at start-up, not in the middle of a file. Only the codec
     * in use is loaded.
     */
    public static void loadNativeCodec(ParquetCodec codec) {
        switch (codec) {
            case ZSTD -> com.github.luben.zstd.util.Native.load();
            case SNAPPY -> org.xerial.snappy.Snappy.maxCompressedLength(1);
            case UNCOMPRESSED -> {
            }
        }
    }

}
