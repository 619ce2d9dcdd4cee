import com.sun.management.GarbageCollectionNotificationInfo;
import io.dataforge.export.render.ExportFormat;
import io.dataforge.export.render.RenderOptions;
import io.dataforge.export.render.Renderer;
import io.dataforge.export.render.Renderers;
import io.dataforge.export.render.RowSource;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Renders ROWS synthetic rows shaped like bench/load/events-dataset.json (14 columns) with one renderer into a
 * stream that counts and drops the bytes, after a warm-up of a tenth of them, and prints rows/s, the output's size,
 * the heap's peak as sampled every 5 ms (garbage included) and its peak after a collection (what stayed reachable).
 * The values are of the types the export worker hands a renderer (ResultRows): uuid, text, timestamp and date as
 * text (ISO, as PostgreSQL's driver gives them), bigint and integer as Long, numeric as BigDecimal, boolean as
 * Boolean, null for a missing note.
 * java -cp CLASSPATH ExportRenderBench poi|fastexcel|pdf ROWS
 */
public class ExportRenderBench {

    static final List<String> COLUMNS = List.of("event_id", "user_id", "session_id", "event_type", "amount", "quantity",
            "currency", "country", "is_mobile", "created_at", "event_date", "url", "user_agent", "note");

    static final String[] TYPES = { "page_view", "click", "add_to_cart", "purchase", "refund", "signup" };

    static final String[] COUNTRIES = { "US", "DE", "FR", "GB", "BR", "IN", "JP", "CA", "ES", "IT" };

    static final String[] CURRENCIES = { "USD", "EUR", "GBP", "BRL", "INR", "JPY" };

    static final String[] AGENTS = { "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) Safari/605.1.15",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) Mobile/15E148",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/120.0 Mobile",
            "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0" };

    /**
     * Rows are drawn from a pool this large (about 1.6 MB of text), far beyond deflate's 32 KB window, so the output
     * compresses as a real export does while generating values costs the renderer's figure nothing.
     */
    static final int POOL = 8_192;

    public static void main(String[] args) throws Exception {
        String library = args[0];
        long rows = Long.parseLong(args[1]);
        if (rows > 200_000 && System.getenv("BENCH_ALLOW_LARGE") == null) {
            // the shared 2-core machine: larger runs are for an idle one
            throw new IllegalArgumentException("more than 200,000 rows needs BENCH_ALLOW_LARGE=1 (an idle machine)");
        }
        Object[][] pool = pool();
        render(library, Math.max(1, rows / 10), pool);
        System.gc();
        HeapPeaks peaks = HeapPeaks.start();
        long started = System.nanoTime();
        CountingSink sink = render(library, rows, pool);
        double seconds = (System.nanoTime() - started) / 1e9;
        peaks.stop();
        System.out.printf("%-10s %,12d rows %8.2f s %,10.0f rows/s %9.1f MB out   heap peak %6.1f MB, after GC %6.1f MB"
                + " (%d GCs)%n", library, rows, seconds, rows / seconds, sink.bytes / 1e6, peaks.sampled / 1e6,
                peaks.afterGc.get() / 1e6, peaks.collections.get());
    }

    static CountingSink render(String library, long rows, Object[][] pool) throws Exception {
        Renderer renderer = switch (library) {
            case "poi" -> new PoiXlsxRenderer(RenderOptions.EXCEL_MAX_DATA_ROWS, rows);
            case "fastexcel" -> Renderers.of(ExportFormat.XLSX, RenderOptions.defaults());
            case "pdf" -> Renderers.of(ExportFormat.PDF, RenderOptions.defaults().withPdfTitle("bench_events"));
            default -> throw new IllegalArgumentException("poi, fastexcel or pdf, not " + library);
        };
        long[] next = { 0 };
        RowSource source = () -> next[0] < rows ? pool[(int) (next[0]++ % POOL)].clone() : null;
        CountingSink sink = new CountingSink();
        long written = renderer.render(COLUMNS, source, sink);
        if (written != rows) {
            throw new IllegalStateException(written + " rows written of " + rows);
        }
        return sink;
    }

    static Object[][] pool() {
        SplittableRandom random = new SplittableRandom(20261123);
        LocalDateTime start = LocalDateTime.of(2025, 1, 1, 0, 0);
        Object[][] pool = new Object[POOL][];
        for (int i = 0; i < POOL; i++) {
            int note = random.nextInt(10);
            pool[i] = new Object[] {
                    String.format("%08x-%04x-%04x-%04x-%012x", random.nextInt(), random.nextInt(0x10000),
                            random.nextInt(0x10000), random.nextInt(0x10000), random.nextLong(1L << 48)),
                    (long) random.nextInt(1, 2_000_000), Long.toHexString(random.nextLong()),
                    TYPES[random.nextInt(TYPES.length)], BigDecimal.valueOf(random.nextLong(10_000_000), 2),
                    (long) random.nextInt(1, 20), CURRENCIES[random.nextInt(CURRENCIES.length)],
                    COUNTRIES[random.nextInt(COUNTRIES.length)], random.nextBoolean(),
                    start.plusSeconds(i * 3L + random.nextInt(3)).toString(),
                    LocalDate.of(2025, 1, 1).plusDays(i % 365).toString(),
                    "https://shop.example.com/p/" + random.nextInt(50_000) + "?ref=" + random.nextInt(100),
                    AGENTS[random.nextInt(AGENTS.length)],
                    note == 0 ? "gift, wrapped \"fast\"" : note < 4 ? "promo " + random.nextInt(1000) : null };
        }
        return pool;
    }

    static final class CountingSink extends OutputStream {

        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }

    }

    /** The heap's used bytes sampled every 5 ms, and after every collection. */
    static final class HeapPeaks {

        volatile boolean running = true;

        volatile long sampled;

        final AtomicLong afterGc = new AtomicLong();

        final AtomicLong collections = new AtomicLong();

        Thread sampler;

        static HeapPeaks start() {
            HeapPeaks peaks = new HeapPeaks();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                    if (!peaks.running) {
                        return;
                    }
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                        .from((CompositeData) notification.getUserData());
                    long used = info.getGcInfo()
                        .getMemoryUsageAfterGc()
                        .values()
                        .stream()
                        .mapToLong(MemoryUsage::getUsed)
                        .sum();
                    peaks.afterGc.accumulateAndGet(used, Math::max);
                    peaks.collections.incrementAndGet();
                }, notification -> notification.getType()
                    .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION), null);
            }
            peaks.sampler = new Thread(() -> {
                while (peaks.running) {
                    peaks.sampled = Math.max(peaks.sampled,
                            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(5);
                    }
                    catch (InterruptedException e) {
                        return;
                    }
                }
            });
            peaks.sampler.setDaemon(true);
            peaks.sampler.start();
            return peaks;
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.join();
        }

    }

}
