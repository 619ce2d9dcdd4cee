package io.dataforge.watch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deterministic events CSV of mixed types: row {@code i} can be written and,
 * independently, its expected typed values computed, so a million rows are checked
 * without keeping any of them.
 */
public final class EventsCsv {

    static final String HEADER = "id,account,amount,quantity,active,day,occurred_at,status,note,zip";

    private static final String[] STATUS = { "new", "paid", "shipped", "returned", "cancelled" };

    private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);

    private EventsCsv() {
    }

    public static void write(OutputStream out, int rows) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write(HEADER);
        writer.write('\n');
        StringBuilder line = new StringBuilder(128);
        for (int i = 1; i <= rows; i++) {
            line.setLength(0);
            line.append(i)
                .append(',')
                .append("acct-")
                .append(i % 997)
                .append(',')
                .append(amount(i).toPlainString())
                .append(',')
                .append(i % 50)
                .append(',')
                .append(i % 3 == 0)
                .append(',')
                .append(day(i))
                .append(',')
                .append(at(i))
                .append(',')
                .append(STATUS[i % STATUS.length])
                .append(',');
            if (i % 100 == 0) {
                line.append("\"said \"\"hi\"\", then left\"");
            }
            else if (i % 7 != 0) {
                line.append("note ").append(i % 1000);
            }
            line.append(',').append(String.format("%05d", i % 99999)).append('\n');
            writer.append(line);
        }
        writer.flush();
    }

    static Map<String, Object> expected(int i) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", (long) i);
        row.put("account", "acct-" + (i % 997));
        row.put("amount", amount(i));
        row.put("quantity", (long) (i % 50));
        row.put("active", i % 3 == 0);
        row.put("day", day(i));
        row.put("occurred_at", at(i));
        row.put("status", STATUS[i % STATUS.length]);
        row.put("note", i % 100 == 0 ? "said \"hi\", then left" : i % 7 != 0 ? "note " + (i % 1000) : null);
        row.put("zip", String.format("%05d", i % 99999));
        return row;
    }

    private static BigDecimal amount(int i) {
        return BigDecimal.valueOf((i * 7919L) % 1_000_000 - 250_000, 2);
    }

    private static LocalDate day(int i) {
        return EPOCH.toLocalDate().plusDays(i % 730);
    }

    private static LocalDateTime at(int i) {
        return EPOCH.plusSeconds(i * 37L);
    }

}
