package io.dataforge.watch.parquet;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

class WideningTest {

    private static final ConversionSettings TEN_ROW_SAMPLE = ConversionSettings.defaults().withSampleRows(10);

    @Test
    void aDecimalAfterTheSampleWidensAnIntColumnToDecimalInASecondAttempt() throws Exception {
        Conversions conversion = convert(100, i -> i == 50 ? "3.5" : String.valueOf(i));

        assertThat(conversion.result.attempts()).isEqualTo(2);
        assertThat(conversion.schema().get("v")).isEqualTo("INT64 DECIMAL(18,1)");
        assertThat(conversion.sink.opened()).isEqualTo(2);
        assertThat(conversion.sink.aborted()).isEqualTo(1);
        assertEveryValueReadsBack(conversion, 100, i -> i == 50 ? "3.5" : String.valueOf(i));
    }

    @Test
    void textAfterTheSampleWidensAnIntColumnToString() throws Exception {
        Conversions conversion = convert(100, i -> i == 50 ? "N/A" : String.valueOf(i));

        assertThat(conversion.result.attempts()).isEqualTo(2);
        assertThat(conversion.schema().get("v")).isEqualTo("BINARY STRING");
        assertEveryValueReadsBack(conversion, 100, i -> i == 50 ? "N/A" : String.valueOf(i));
    }

    @Test
    void aLargerScaleWidensADecimalColumn() throws Exception {
        Conversions conversion = convert(60, i -> i == 40 ? "1.125" : i + ".25");

        assertThat(conversion.result.attempts()).isEqualTo(2);
        assertThat(conversion.schema().get("v")).isEqualTo("INT64 DECIMAL(18,3)");
        assertEveryValueReadsBack(conversion, 60, i -> i == 40 ? "1.125" : i + ".25");
    }

    @Test
    void aMisfitFarIntoTheFileIsCaughtWhereTheParsingThreadConvertsTheRows() throws Exception {
        // beyond the first few batches, rows arrive already typed from the parsing thread
        IntFunction<String> value = i -> i == 25_000 ? "2.5" : i == 28_000 ? "" : String.valueOf(i);

        Conversions conversion = convert(30_000, value);

        assertThat(conversion.result.attempts()).isEqualTo(2);
        assertThat(conversion.schema().get("v")).isEqualTo("INT64 DECIMAL(18,1)");
        assertEveryValueReadsBack(conversion, 30_000,
                i -> i == 25_000 ? "2.5" : i == 28_000 ? null : String.valueOf(i));
    }

    @Test
    void severalWideningsLaterInTheFileStillNeedOnlyOneRestart() throws Exception {
        IntFunction<String> value = i -> i == 30 ? "0.5" : i == 70 ? "x" : String.valueOf(i);

        Conversions conversion = convert(100, value);

        assertThat(conversion.result.attempts()).isEqualTo(2);
        assertThat(conversion.schema().get("v")).isEqualTo("BINARY STRING");
        assertEveryValueReadsBack(conversion, 100, value);
    }

    @Test
    void aNewJsonKeyAfterTheSampleAddsAColumn() throws Exception {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            jsonl.append(i == 20 ? "{\"a\":20,\"late\":true}" : "{\"a\":" + i + "}").append('\n');
        }

        Conversions conversion = Conversions.of(DataFormat.JSONL, jsonl.toString().getBytes(StandardCharsets.UTF_8),
                TEN_ROW_SAMPLE);

        assertThat(conversion.result.attempts()).isEqualTo(2);
        assertThat(conversion.schema()).containsOnlyKeys("a", "late");
        List<Map<String, Object>> rows = conversion.rows();
        assertThat(rows.get(20)).containsEntry("late", true);
        assertThat(rows.get(21)).containsEntry("late", null);
    }

    private static Conversions convert(int rows, IntFunction<String> value) throws Exception {
        StringBuilder csv = new StringBuilder("id,v\n");
        for (int i = 0; i < rows; i++) {
            csv.append(i).append(',').append(value.apply(i)).append('\n');
        }
        return Conversions.of(DataFormat.CSV, csv.toString().getBytes(StandardCharsets.UTF_8), TEN_ROW_SAMPLE);
    }

    private static void assertEveryValueReadsBack(Conversions conversion, int rows, IntFunction<String> value) {
        List<Map<String, Object>> read = conversion.rows();
        assertThat(read).hasSize(rows);
        for (int i = 0; i < rows; i++) {
            Conversions.assertReadsBackAs(value.apply(i), read.get(i).get("v"));
        }
    }

}
