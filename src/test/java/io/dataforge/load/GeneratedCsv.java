package io.dataforge.load;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A CSV file of typed rows made on the fly, a line at a time (never held whole): row
 * {@code i} has id {@code i} (unique, 1..rows) and values computed from {@code i} alone,
 * so the expected totals are known without keeping the file. Sent as a streamed multipart
 * upload, as a client with a large file would.
 */
public final class GeneratedCsv extends InputStream {

    public static final String DATASET = """
            {"columns": [
              {"name": "id", "type": "bigint", "required": true},
              {"name": "amount", "type": "numeric(12,2)"},
              {"name": "day", "type": "date"},
              {"name": "at", "type": "timestamptz"},
              {"name": "note", "type": "text"}]}""";

    private static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);

    private static final long FIRST_SECOND = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();

    private final long rows;

    private final StringBuilder line = new StringBuilder(128);

    private byte[] pending = "id,amount,day,at,note\n".getBytes(StandardCharsets.UTF_8);

    private int position;

    private long next = 1;

    public GeneratedCsv(long rows) {
        this.rows = rows;
    }

    static long amountCents(long i) {
        return i * 7919 % 10_000_000;
    }

    /** The sum of the amount column over rows 1..rows. */
    public static BigDecimal totalAmount(long rows) {
        long cents = 0;
        for (long i = 1; i <= rows; i++) {
            cents += amountCents(i);
        }
        return BigDecimal.valueOf(cents, 2);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int max) {
        if (position == pending.length && !nextLine()) {
            return -1;
        }
        int n = Math.min(max, pending.length - position);
        System.arraycopy(pending, position, buffer, offset, n);
        position += n;
        return n;
    }

    private boolean nextLine() {
        if (next > rows) {
            return false;
        }
        long i = next++;
        long cents = amountCents(i);
        line.setLength(0);
        line.append(i)
            .append(',')
            .append(cents / 100)
            .append('.')
            .append(cents % 100 < 10 ? "0" : "")
            .append(cents % 100)
            .append(',')
            .append(FIRST_DAY.plusDays(i % 2000))
            .append(',')
            .append(Instant.ofEpochSecond(FIRST_SECOND + i * 37))
            .append(',')
            .append("note ")
            .append(Long.toHexString(i * 0x9E3779B97F4A7C15L))
            .append('\n');
        pending = line.toString().getBytes(StandardCharsets.UTF_8);
        position = 0;
        return true;
    }

    /**
     * POSTs the generated file of {@code rows} rows as {@code fileName} for
     * {@code dataset}, streamed.
     */
    public static HttpResponse<String> upload(UploadClient client, String dataset, String fileName, long rows) {
        String boundary = "----it" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"dataset\"\r\n\r\n" + dataset
                + "\r\n" + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\n" + "Content-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return client.identity.http.send(client.identity.http.request("/api/v1/uploads")
            .header("Authorization", "Bearer " + client.token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(List
                .of(new ByteArrayInputStream(head), new GeneratedCsv(rows), new ByteArrayInputStream(tail)))))));
    }

}
