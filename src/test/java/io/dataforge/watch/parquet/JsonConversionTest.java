package io.dataforge.watch.parquet;

import io.dataforge.watch.RejectedFileException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonConversionTest {

    @Test
    void anArrayOfObjectsBecomesRowsWithTheUnionOfKeysInFirstSeenOrder() throws Exception {
        String json = "[{\"id\":1,\"name\":\"a\"},{\"name\":\"b\",\"price\":1.50},{\"id\":3}]";

        Conversions conversion = Conversions.of(DataFormat.JSON, json);

        assertThat(conversion.schema()).containsExactly(Map.entry("id", "INT64"), Map.entry("name", "BINARY STRING"),
                Map.entry("price", "INT64 DECIMAL(18,2)"));
        List<Map<String, Object>> rows = conversion.rows();
        assertThat(rows.get(0)).containsEntry("id", 1L).containsEntry("name", "a").containsEntry("price", null);
        assertThat(rows.get(1)).containsEntry("id", null).containsEntry("price", new BigDecimal("1.50"));
    }

    @Test
    void jsonStringsNeverBecomeNumbersOrBooleansButMayBecomeDates() throws Exception {
        String jsonl = "{\"n\":\"123\",\"b\":\"true\",\"d\":\"2024-05-06\",\"real\":false}\n\n{\"n\":\"7\",\"b\":\"x\",\"d\":null,\"real\":true}\n";

        Conversions conversion = Conversions.of(DataFormat.JSONL, jsonl);

        assertThat(conversion.schema()).containsExactly(Map.entry("n", "BINARY STRING"),
                Map.entry("b", "BINARY STRING"), Map.entry("d", "INT32 DATE"), Map.entry("real", "BOOLEAN"));
        assertThat(conversion.rows().get(0)).containsEntry("n", "123").containsEntry("real", false);
    }

    @Test
    void nestedObjectsAndArraysAreKeptAsCompactJsonText() throws Exception {
        String json = "[{\"id\":1,\"tags\":[\"x\", \"y\"],\"address\":{ \"city\" : \"Oslo\", \"zip\": 150 }}]";

        Map<String, Object> row = Conversions.of(DataFormat.JSON, json).rows().get(0);

        assertThat(row).containsEntry("tags", "[\"x\",\"y\"]")
            .containsEntry("address", "{\"city\":\"Oslo\",\"zip\":150}");
    }

    @Test
    void aRecordThatIsNotAnObjectIsRejectedWithItsNumber() {
        RejectedFileException rejected = catchThrowableOfType(RejectedFileException.class,
                () -> Conversions.of(DataFormat.JSON, "[{\"a\":1},{\"a\":2},[3]]"));

        assertThat(rejected.errorType()).isEqualTo("INVALID_DATA");
        assertThat(rejected.rowNumber()).isEqualTo(3L);
    }

    @Test
    void aDuplicateKeyIsRejectedRatherThanOneValueWinning() {
        RejectedFileException rejected = catchThrowableOfType(RejectedFileException.class,
                () -> Conversions.of(DataFormat.JSONL, "{\"a\":1}\n{\"a\":1,\"a\":2}\n"));

        assertThat(rejected.rowNumber()).isEqualTo(2L);
    }

    @Test
    void aTopLevelObjectIsNotAnArrayOfRecords() {
        RejectedFileException rejected = catchThrowableOfType(RejectedFileException.class,
                () -> Conversions.of(DataFormat.JSON, "{\"a\":1}"));

        assertThat(rejected.errorType()).isEqualTo("INVALID_DATA");
    }

}
