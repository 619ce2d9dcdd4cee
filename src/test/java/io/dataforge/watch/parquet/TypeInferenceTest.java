package io.dataforge.watch.parquet;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TypeInferenceTest {

    private static final String CSV = """
            flag,count,amount,ratio,day,local_time,utc_time,code,empty,text
            true,1,12.34,1.5e10,2024-01-31,2024-01-31T10:11:12,2024-01-31T10:11:12Z,007,,hello
            FALSE,-42,-0.5,2.25E-3,2024-02-29,2024-02-29 23:59:59.123456,2024-02-29T23:59:59.5+02:00,+5,,world
            ,9223372036854775807,0,-7e0,,,,,,
            """;

    @Test
    void eachColumnGetsTheNarrowestTypeThatHoldsAllItsValues() throws Exception {
        Map<String, String> schema = Conversions.of(DataFormat.CSV, CSV).schema();

        assertThat(schema).containsExactly(Map.entry("flag", "BOOLEAN"), Map.entry("count", "INT64"),
                Map.entry("amount", "INT64 DECIMAL(18,2)"), Map.entry("ratio", "DOUBLE"),
                Map.entry("day", "INT32 DATE"), Map.entry("local_time", "INT64 TIMESTAMP(MICROS,false)"),
                Map.entry("utc_time", "INT64 TIMESTAMP(MICROS,true)"), Map.entry("code", "BINARY STRING"),
                Map.entry("empty", "BINARY STRING"), Map.entry("text", "BINARY STRING"));
    }

    @Test
    void typedValuesReadBackEqualToTheSource() throws Exception {
        List<Map<String, Object>> rows = Conversions.of(DataFormat.CSV, CSV).rows();

        assertThat(rows.get(0)).containsEntry("flag", true)
            .containsEntry("count", 1L)
            .containsEntry("amount", new BigDecimal("12.34"))
            .containsEntry("ratio", 1.5e10)
            .containsEntry("day", LocalDate.of(2024, 1, 31))
            .containsEntry("local_time", LocalDateTime.of(2024, 1, 31, 10, 11, 12))
            .containsEntry("utc_time", Instant.parse("2024-01-31T10:11:12Z"));
        assertThat(rows.get(1)).containsEntry("flag", false)
            .containsEntry("count", -42L)
            .containsEntry("amount", new BigDecimal("-0.50"))
            .containsEntry("ratio", 2.25e-3)
            .containsEntry("local_time", LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_000))
            .containsEntry("utc_time", Instant.parse("2024-02-29T21:59:59.5Z"));
        assertThat(rows.get(2)).containsEntry("flag", null)
            .containsEntry("count", Long.MAX_VALUE)
            .containsEntry("amount", new BigDecimal("0.00"))
            .containsEntry("ratio", -7.0)
            .containsEntry("day", null);
    }

    @Test
    void leadingZerosAndSignsStayStrings() throws Exception {
        List<Map<String, Object>> rows = Conversions.of(DataFormat.CSV, CSV).rows();

        assertThat(rows).extracting(row -> row.get("code")).containsExactly("007", "+5", null);
    }

    @Test
    void valuesThatLookAlmostTypedStayStrings() throws Exception {
        String csv = "a,b,c,d,e\n2024-02-30,1.,2024-01-01T10:00:00.1234567,9223372036854775808,1e999\n";

        Map<String, String> schema = Conversions.of(DataFormat.CSV, csv).schema();

        assertThat(schema.get("a")).isEqualTo("BINARY STRING");
        assertThat(schema.get("b")).isEqualTo("BINARY STRING");
        assertThat(schema.get("c")).isEqualTo("BINARY STRING");
        assertThat(schema.get("e")).isEqualTo("BINARY STRING");
        // too big for int64 and not exact as a double
        assertThat(schema.get("d")).isEqualTo("BINARY STRING");
    }

    @Test
    void datesAndLocalTimestampsTogetherMakeATimestampColumn() throws Exception {
        Conversions conversion = Conversions.of(DataFormat.CSV, "t\n2024-01-01\n2024-01-02 03:04:05\n");

        assertThat(conversion.schema().get("t")).isEqualTo("INT64 TIMESTAMP(MICROS,false)");
        assertThat(conversion.rows()).extracting(row -> row.get("t"))
            .containsExactly(LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.of(2024, 1, 2, 3, 4, 5));
    }

    @Test
    void timestampsWithoutSecondsAreTimestamps() throws Exception {
        Conversions conversion = Conversions.of(DataFormat.CSV,
                "t,bad\n2024-01-01T00:01,2024-01-01T00:01.5\n" + "2024-01-02 03:04:05,2024-01-01T00:01:5\n");

        assertThat(conversion.schema().get("t")).isEqualTo("INT64 TIMESTAMP(MICROS,false)");
        assertThat(conversion.schema().get("bad")).isEqualTo("BINARY STRING");
        assertThat(conversion.rows()).extracting(row -> row.get("t"))
            .containsExactly(LocalDateTime.of(2024, 1, 1, 0, 1), LocalDateTime.of(2024, 1, 2, 3, 4, 5));
    }

    @Test
    void integersAndExactDoublesMakeADoubleColumn() throws Exception {
        Conversions conversion = Conversions.of(DataFormat.CSV, "x\n1\n2.5\n3e2\n");

        assertThat(conversion.schema().get("x")).isEqualTo("DOUBLE");
        assertThat(conversion.rows()).extracting(row -> row.get("x")).containsExactly(1.0, 2.5, 300.0);
    }

    @Test
    void anIntegerADoubleCannotHoldTurnsTheColumnIntoStrings() throws Exception {
        Conversions conversion = Conversions.of(DataFormat.CSV, "x\n9007199254740993\n2.5e0\n");

        assertThat(conversion.schema().get("x")).isEqualTo("BINARY STRING");
        assertThat(conversion.rows()).extracting(row -> row.get("x")).containsExactly("9007199254740993", "2.5e0");
    }

}
