package io.dataforge.watch.parquet;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A deterministic events CSV (about 214 bytes a row: ints, decimals, timestamps, strings,
 * booleans) generated on the fly, so a million rows never sit in memory and any row can
 * be regenerated for comparison.
 */
final class EventsCsv {

    static final String HEADER = "event_id,user_id,event_time,event_type,amount,currency,country,is_mobile,score,page_url,session_id,user_agent";

    private static final String[] TYPES = { "page_view", "click", "purchase", "signup", "logout", "add_to_cart" };

    private static final String[] CURRENCIES = { "EUR", "USD", "NOK", "SEK", "GBP" };

    private static final String[] COUNTRIES = { "NO", "SE", "DK", "DE", "FR", "US", "GB", "NL", "PL", "ES" };

    private static final String[] AGENTS = { "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Safari/604.1",
            "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0" };

    private EventsCsv() {
    }

    static String[] row(long i) {
        SplittableRandom random = new SplittableRandom(i * 0x9E3779B97F4A7C15L);
        long seconds = 1_704_067_200L + i * 3 + random.nextInt(3);
        int micros = random.nextInt(1_000_000);
        String time = java.time.LocalDateTime.ofEpochSecond(seconds, micros * 1000, java.time.ZoneOffset.UTC)
            .toString();
        return new String[] { String.valueOf(i + 1), String.valueOf(random.nextInt(5_000_000)),
                time.length() == 19 ? time + ".000000" : time.length() == 16 ? time + ":00.000000" : time,
                TYPES[random.nextInt(TYPES.length)],
                random.nextInt(4) == 0 ? ""
                        : random.nextInt(100_000) + "." + String.format("%02d", random.nextInt(100)),
                CURRENCIES[random.nextInt(CURRENCIES.length)], COUNTRIES[random.nextInt(COUNTRIES.length)],
                random.nextBoolean() ? "true" : "false", random.nextInt(100_000) + "e-3",
                "https://shop.example.com/p/" + random.nextInt(20_000) + "?ref="
                        + Long.toHexString(random.nextLong() & 0xFFFFFF),
                new java.util.UUID(random.nextLong(), random.nextLong()).toString(),
                AGENTS[random.nextInt(AGENTS.length)] };
    }

    static InputStream stream(long rows) {
        return new InputStream() {
            private byte[] buffer = (HEADER + "\n").getBytes(StandardCharsets.UTF_8);

            private int position;

            private long next;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position == buffer.length) {
                    if (next == rows) {
                        return -1;
                    }
                    StringBuilder chunk = new StringBuilder(64 * 1024);
                    while (next < rows && chunk.length() < 60_000) {
                        chunk.append(String.join(",", row(next++))).append('\n');
                    }
                    buffer = chunk.toString().getBytes(StandardCharsets.UTF_8);
                    position = 0;
                }
                int n = Math.min(len, buffer.length - position);
                System.arraycopy(buffer, position, b, off, n);
                position += n;
                return n;
            }
        };
    }

}
