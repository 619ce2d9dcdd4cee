package io.dataforge.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import io.dataforge.IntegrationTest;
import io.dataforge.watch.parquet.ParquetReadBack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A hundred thousand rows (22 MB) through the folder, S3 and back, every value equal.
 * Million-row runs, and their speed and memory, are {@code bench/watch-parquet.sh}.
 */
@IntegrationTest
class WatchParquetIT extends WatchTestBase {

    static final int ROWS = 100_000;

    @Test
    void aHundredThousandRowCsvReadsBackFromS3AsEqualTypedRows() throws Exception {
        String folder = WatchFixture.folder("many");
        watch.drop(folder + "/events.csv", out -> EventsCsv.write(out, ROWS));
        long csvSize = java.nio.file.Files.size(watch.file(folder + "/events.csv"));

        watch.awaitStatus(folder + "/events.csv", "completed", Duration.ofMinutes(3));

        byte[] parquet = watch.object(folder + "/events.parquet");
        assertThat((long) parquet.length).as("zstd Parquet at least 60 % smaller than the CSV")
            .isLessThan(csvSize * 4 / 10);
        AtomicInteger index = new AtomicInteger();
        ParquetReadBack.forEachRow(parquet, row -> {
            Map<String, Object> expected = EventsCsv.expected(index.incrementAndGet());
            // compared by hand: an assertion object per value would cost more than the
            // conversion
            boolean equal = row.keySet().equals(expected.keySet()) && expected.entrySet()
                .stream()
                .allMatch(e -> e.getValue() instanceof BigDecimal decimal
                        && row.get(e.getKey()) instanceof BigDecimal actual ? decimal.compareTo(actual) == 0
                                : Objects.equals(e.getValue(), row.get(e.getKey())));
            if (!equal) {
                fail("row %d read back as %s, expected %s", index.get(), row, expected);
            }
        });
        assertThat(index.get()).isEqualTo(ROWS);
    }

}
