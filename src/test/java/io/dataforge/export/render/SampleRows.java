package io.dataforge.export.render;

import io.dataforge.platform.database.CellValues.JsonText;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;

/** Rows with the values that break naive writers, and generated rows for volume. */
final class SampleRows {

    static final List<String> COLUMNS = List.of("id", "name", "amount", "score", "active", "payload", "email",
            "created_at", "note");
    static final String NASTY_NAME = "Zoë \"Q\", Łódź\nline 2 Ωμέγα";
    static final BigDecimal LONG_AMOUNT = new BigDecimal("12345678901234567890.123456789012");
    static final JsonText PAYLOAD = new JsonText("{\"a\":[1,2.5,null],\"b\":{\"c\":\"x,\\\"y\\\"\"}}");

    private SampleRows() {
    }

    static List<Object[]> nasty() {
        return List.of(
                new Object[] { 1L, NASTY_NAME, LONG_AMOUNT, -1.5d, true, PAYLOAD, "***", "2024-02-29T12:34:56Z",
                        "東京 😀" },
                new Object[] { -42, "plain", new BigDecimal("-0.000001"), null, false, null, "***", null, "" },
                new Object[] { Long.MIN_VALUE, "comma,only", new BigDecimal("3.14"), 2.5e10, null,
                        new JsonText("\"text\""), "***", "2024-01-01", "tab\tand\r\nCRLF" });
    }

    static RowSource of(List<Object[]> rows) {
        Iterator<Object[]> it = rows.iterator();
        return () -> it.hasNext() ? it.next() : null;
    }

    /** {@code count} deterministic rows of the sample columns. */
    static RowSource generated(long count) {
        long[] next = { 0 };
        return () -> {
            long i = next[0]++;
            if (i >= count) {
                return null;
            }
            return new Object[] { i, "name " + i, BigDecimal.valueOf(i, 2), i * 0.5, i % 2 == 0, null, "***",
                    "2024-01-01T00:00:00Z", i % 7 == 0 ? "a \"quoted\", note" : "" };
        };
    }

}
