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

/** A million generated event rows: converted in one attempt, and every value read back equal (streamed). */
class LargeCsvTest {

    private static final int ROWS = 1_000_000;

    @Test
    void aMillionRowsConvertAndEveryRowReadsBackEqual() throws Exception {
        byte[] csv = EventsCsv.stream(ROWS).readAllBytes();
        StreamSource source = () -> new ByteArrayInputStream(csv);
        MemorySink sink = new MemorySink();

        long start = System.nanoTime();
        ConversionResult result = new ParquetConverter(ConversionSettings.defaults()).convert(DataFormat.CSV, source, sink);
        double seconds = (System.nanoTime() - start) / 1e9;

        byte[] parquet = sink.completed();
        System.out.printf("1M-row events CSV (%.1f MB) -> zstd Parquet %.1f MB in %.2f s: %.0f rows/s%n",
                csv.length / 1e6, parquet.length / 1e6, seconds, ROWS / seconds);
        assertThat(result.rows()).isEqualTo(ROWS);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.bytesWritten()).isEqualTo(parquet.length);
        assertThat(ParquetReadBack.schema(parquet)).containsEntry("event_time", "INT64 TIMESTAMP(MICROS,false)")
                .containsEntry("amount", "INT64 DECIMAL(18,2)").containsEntry("is_mobile", "BOOLEAN")
                .containsEntry("score", "DOUBLE").containsEntry("event_id", "INT64");
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
