package io.dataforge.watch.parquet;

import io.dataforge.watch.StreamSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thirty thousand generated event rows (6.6 MB) in several row groups: converted in one
 * attempt, and every value read back equal (streamed). Million-row runs, and their speed,
 * are {@code bench/watch-parquet.sh}.
 */
class LargeCsvTest {

    private static final int ROWS = 30_000;

    /**
     * Small row groups, so the file has several: the container's budget gives row groups
     * of a few MiB.
     */
    private static final ConversionSettings ONE_MIB_ROW_GROUPS = new ConversionSettings(ParquetCodec.ZSTD, 1, 1 << 20,
            64 << 10, 10_000, 2000, 1 << 20);

    @Test
    void rowsOfSeveralRowGroupsConvertAndEveryRowReadsBackEqual() throws Exception {
        byte[] csv = EventsCsv.stream(ROWS).readAllBytes();
        StreamSource source = () -> new ByteArrayInputStream(csv);
        MemorySink sink = new MemorySink();

        long start = System.nanoTime();
        ConversionResult result = new ParquetConverter(ONE_MIB_ROW_GROUPS).convert(DataFormat.CSV, source, sink);
        double seconds = (System.nanoTime() - start) / 1e9;

        byte[] parquet = sink.completed();
        System.out.printf("30k-row events CSV (%.1f MB) -> zstd Parquet %.1f MB in %.2f s: %.0f rows/s%n",
                csv.length / 1e6, parquet.length / 1e6, seconds, ROWS / seconds);
        assertThat(result.rows()).isEqualTo(ROWS);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.bytesWritten()).isEqualTo(parquet.length);
        assertThat(ParquetReadBack.schema(parquet)).containsEntry("event_time", "INT64 TIMESTAMP(MICROS,false)")
            .containsEntry("amount", "INT64 DECIMAL(18,2)")
            .containsEntry("is_mobile", "BOOLEAN")
            .containsEntry("score", "DOUBLE")
            .containsEntry("event_id", "INT64");
        AtomicLong index = new AtomicLong();
        ParquetReadBack.forEachRow(parquet, row -> assertRow(index.getAndIncrement(), row));
        assertThat(index.get()).isEqualTo(ROWS);
    }

    private static void assertRow(long i, Map<String, Object> row) {
        String[] expected = EventsCsv.row(i);
        Object[] read = row.values().toArray();
        for (int c = 0; c < expected.length; c++) {
            Conversions.assertReadsBackAs(expected[c].isEmpty() ? null : expected[c], read[c]);
        }
    }

}
