import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Writes a deterministic events CSV of mixed types (about 210 bytes a row) to stdout:
 * java bench/watch/GenerateEventsCsv.java ROWS > events.csv
 */
public class GenerateEventsCsv {

    private static final String[] TYPES = {"page_view", "click", "add_to_cart", "purchase", "refund", "signup"};
    private static final String[] COUNTRIES = {"US", "DE", "FR", "GB", "BR", "IN", "JP", "CA", "ES", "IT"};
    private static final String[] CURRENCIES = {"USD", "EUR", "GBP", "BRL", "INR", "JPY"};
    private static final String[] AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) Safari/605.1.15",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) Mobile/15E148",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/120.0 Mobile",
        "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0"};

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public static void main(String[] args) throws IOException {
        long rows = Long.parseLong(args[0]);
        SplittableRandom random = new SplittableRandom(20261123);
        LocalDateTime start = LocalDateTime.of(2025, 1, 1, 0, 0);
        OutputStream out = new BufferedOutputStream(System.out, 1 << 20);
        out.write(("event_id,user_id,session_id,event_type,amount,quantity,currency,country,is_mobile,"
                + "created_at,event_date,url,user_agent,note\n").getBytes(StandardCharsets.US_ASCII));
        StringBuilder line = new StringBuilder(256);
        for (long i = 1; i <= rows; i++) {
            line.setLength(0);
            LocalDateTime at = start.plusSeconds(i * 3 + random.nextInt(3));
            line.append(String.format("%08x-%04x-%04x-%04x-%012x", random.nextInt(), random.nextInt(0x10000),
                            random.nextInt(0x10000), random.nextInt(0x10000), random.nextLong(1L << 48))).append(',')
                    .append(random.nextInt(1, 2_000_000)).append(',')
                    .append(Long.toHexString(random.nextLong())).append(',')
                    .append(TYPES[random.nextInt(TYPES.length)]).append(',')
                    .append(random.nextInt(0, 100_000)).append('.').append(String.format("%02d", random.nextInt(100)))
                    .append(',').append(random.nextInt(1, 20)).append(',')
                    .append(CURRENCIES[random.nextInt(CURRENCIES.length)]).append(',')
                    .append(COUNTRIES[random.nextInt(COUNTRIES.length)]).append(',')
                    .append(random.nextBoolean()).append(',')
                    .append(TIME.format(at)).append(',')
                    .append(LocalDate.of(2025, 1, 1).plusDays(i % 365)).append(',')
                    .append("https://shop.example.com/p/").append(random.nextInt(50_000)).append("?ref=")
                    .append(random.nextInt(100)).append(',')
                    .append(AGENTS[random.nextInt(AGENTS.length)]).append(',');
            int note = random.nextInt(10);
            if (note == 0) {
                line.append("\"gift, wrapped \"\"fast\"\"\"");
            } else if (note < 4) {
                line.append("promo ").append(random.nextInt(1000));
            }
            line.append('\n');
            for (int c = 0; c < line.length(); c++) {
                out.write(line.charAt(c));
            }
        }
        out.flush();
    }
}
