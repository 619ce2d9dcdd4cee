import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives POST /api/v1/query with CLIENTS concurrent clients for SECONDS per scenario, then the same SQL over plain
 * JDBC (one connection per client) for as long, and prints p50/p95/p99 and queries/s of each, and their ratio.
 * Every query differs from the others (see {@link #filter}), so the answer cache is rarely hit.
 * java -cp postgresql.jar bench/query/QueryBench.java BASE TOKEN JDBC_URL DATASET TENANT CLIENTS SECONDS
 */
public class QueryBench {

    static final String[] TYPES = {"page_view", "click", "add_to_cart", "purchase", "refund", "signup"};

    record Scenario(String name, int limit, boolean keyset) {
    }

    /** A client's walk through the pages of one event type by cursor, restarted every 50 pages or at the end. */
    static final class Walk {
        String type;
        long below;
        String cursor;
        Object lastCreated;
        long lastRowId;
        int pages;
        boolean done = true;

        void next(SplittableRandom random) {
            if (done || pages >= 50) {
                type = TYPES[random.nextInt(TYPES.length)];
                below = -random.nextLong(1, 1_000_000_000L);
                cursor = null;
                lastCreated = null;
                pages = 0;
                done = false;
            }
        }
    }

    static final ThreadLocal<Walk> WALK = ThreadLocal.withInitial(Walk::new);
    static final java.util.regex.Pattern NEXT = java.util.regex.Pattern.compile("\"nextCursor\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0], token = args[1], jdbc = args[2], dataset = args[3];
        UUID tenant = UUID.fromString(args[4]);
        int clients = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);
        URI uri = URI.create(base + "/api/v1/query");
        ThreadLocal<KeepAlive> http = ThreadLocal.withInitial(() -> new KeepAlive(uri.getHost(), uri.getPort()));
        System.out.printf("%-44s %8s %8s %8s %10s%n", "scenario", "p50 ms", "p95 ms", "p99 ms", "queries/s");
        String only = System.getenv().getOrDefault("QUERY_SCENARIOS", "offset,keyset,5000");
        List<Scenario> scenarios = new ArrayList<>();
        for (Scenario scenario : List.of(new Scenario("100-row filtered pages, offset", 100, false),
                new Scenario("100-row filtered pages, keyset", 100, true), new Scenario("5000-row pages", 5000, false))) {
            if (only.contains(scenario.limit() == 5000 ? "5000" : scenario.keyset() ? "keyset" : "offset")) {
                scenarios.add(scenario);
            }
        }
        // a server runs warm: without this the first scenario measured mostly the JIT compiling (C2 took about a
        // third of a core for the first 20 s, and the first 30 s phase ran at two thirds of its later rate)
        int warmup = Integer.parseInt(System.getenv().getOrDefault("QUERY_WARMUP_SECONDS", "30"));
        run(clients, warmup, random -> api(http.get(), uri, token, dataset, scenarios.get(random.nextInt(scenarios.size())), random));
        System.out.printf("(after a %d s warm-up of the server over these scenarios)%n", warmup);
        for (Scenario scenario : scenarios) {
            double[] api = run(clients, seconds, random -> api(http.get(), uri, token, dataset, scenario, random));
            print("Data Forge API, " + scenario.name(), api);
            if (System.getenv("QUERY_API_ONLY") != null) {
                continue; // the API alone, as bench/tracing-overhead.sh compares two runs of it
            }
            List<Connection> connections = Collections.synchronizedList(new ArrayList<>());
            ThreadLocal<Connection> connection = ThreadLocal.withInitial(() -> {
                try {
                    Connection c = DriverManager.getConnection(jdbc, "postgres", "");
                    connections.add(c);
                    return c;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            double[] plain = run(clients, seconds, random -> {
                Walk walk = WALK.get();
                walk.next(random);
                jdbc(connection.get(), dataset, tenant, scenario, random, walk);
            });
            for (Connection c : connections) {
                c.close();
            }
            print("plain JDBC, same SQL, " + scenario.name(), plain);
            System.out.printf("overhead %s: p95 ×%.2f, queries/s ×%.2f%n", scenario.name(), api[1] / plain[1], api[3] / plain[3]);
        }
    }

    /** One API call of the scenario; a keyset client follows its walk's cursor. */
    static void api(KeepAlive http, URI uri, String token, String dataset, Scenario scenario, SplittableRandom random)
            throws IOException {
        if (!scenario.keyset()) {
            http.post(uri.getPath(), token, body(dataset, scenario, random));
            return;
        }
        Walk walk = WALK.get();
        walk.next(random);
        String response = http.post(uri.getPath(), token, keysetBody(dataset, walk));
        java.util.regex.Matcher next = NEXT.matcher(response);
        walk.cursor = next.find() ? next.group(1) : null;
        walk.pages++;
        walk.done = walk.cursor == null;
    }

    /** The filtered page: one event type, newest first, a random page among the first 50; or 5000 rows of a user range. */
    static String body(String dataset, Scenario scenario, SplittableRandom random) {
        if (scenario.limit() == 100) {
            return "{\"dataset\":\"" + dataset + "\",\"select\":[\"event_id\",\"user_id\",\"event_type\",\"amount\",\"country\",\"created_at\"],"
                    + "\"filter\":" + filter(TYPES[random.nextInt(TYPES.length)], -random.nextLong(1, 1_000_000_000L)) + ","
                    + "\"sort\":[{\"column\":\"created_at\",\"direction\":\"desc\"}],\"includeTotal\":false,"
                    + "\"page\":{\"limit\":100,\"offset\":" + random.nextInt(50) * 100 + "}}";
        }
        int from = random.nextInt(1, 1_900_000);
        return "{\"dataset\":\"" + dataset + "\",\"select\":[\"event_id\",\"user_id\",\"event_type\",\"amount\",\"created_at\"],"
                + "\"filter\":{\"column\":\"user_id\",\"op\":\"between\",\"value\":[" + from + "," + (from + 20_000) + "]},"
                + "\"sort\":[{\"column\":\"user_id\"}],\"includeTotal\":false,\"page\":{\"limit\":5000}}";
    }

    /**
     * One event type, and a bound on user_id that every row passes (user ids are positive) but that differs from
     * query to query (from walk to walk for keyset pages), so that each is made afresh rather than answered from the
     * cache: there are only 300 pages of the first 50 of six types. The JDBC reference has the same condition.
     */
    static String filter(String type, long below) {
        return "{\"and\":[{\"column\":\"event_type\",\"op\":\"=\",\"value\":\"" + type + "\"},"
                + "{\"column\":\"user_id\",\"op\":\">\",\"value\":" + below + "}]}";
    }

    /** The next page of the walk: the first one, or the one after the cursor of the last. */
    static String keysetBody(String dataset, Walk walk) {
        return "{\"dataset\":\"" + dataset + "\",\"select\":[\"event_id\",\"user_id\",\"event_type\",\"amount\",\"country\",\"created_at\"],"
                + "\"filter\":" + filter(walk.type, walk.below) + ","
                + "\"sort\":[{\"column\":\"created_at\",\"direction\":\"desc\"}],\"includeTotal\":false,"
                + "\"page\":{\"limit\":100" + (walk.cursor == null ? "" : ",\"after\":\"" + walk.cursor + "\"") + "}}";
    }

    /** The SQL the API runs for the same request (see SqlCompiler), over one plain connection. */
    static void jdbc(Connection connection, String dataset, UUID tenant, Scenario scenario, SplittableRandom random, Walk walk)
            throws Exception {
        String table = "\"datasets\".\"" + dataset + "\" t";
        PreparedStatement statement;
        if (scenario.keyset()) {
            String sql = "SELECT \"event_id\", \"user_id\", \"event_type\", \"amount\", \"country\", \"created_at\","
                    + " \"created_at\" AS \"_sort_0\", row_id AS \"_row_id\" FROM " + table + " WHERE tenant_id = ? AND (\"event_type\" = ? AND \"user_id\" > ?)"
                    + (walk.lastCreated == null ? "" : " AND \"created_at\" <= ? AND ((\"created_at\" < ?) OR (\"created_at\" = ? AND row_id > ?))")
                    + " ORDER BY t.\"created_at\" DESC, t.row_id ASC LIMIT ? OFFSET ?";
            statement = connection.prepareStatement(sql);
            int i = 1;
            statement.setObject(i++, tenant);
            statement.setString(i++, walk.type);
            statement.setLong(i++, walk.below);
            if (walk.lastCreated != null) {
                statement.setObject(i++, walk.lastCreated);
                statement.setObject(i++, walk.lastCreated);
                statement.setObject(i++, walk.lastCreated);
                statement.setLong(i++, walk.lastRowId);
            }
            statement.setInt(i++, 100);
            statement.setInt(i, 0);
            int rows = 0;
            try (statement; ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        rs.getObject(c);
                    }
                    walk.lastCreated = rs.getObject(7);
                    walk.lastRowId = rs.getLong(8);
                    rows++;
                }
            }
            walk.pages++;
            walk.done = rows < 100;
            return;
        }
        if (scenario.limit() == 100) {
            int offset = random.nextInt(50) * 100;
            String columns = "SELECT \"event_id\", \"user_id\", \"event_type\", \"amount\", \"country\", \"created_at\","
                    + " \"created_at\" AS \"_sort_0\", row_id AS \"_row_id\" FROM " + table;
            String where = " WHERE tenant_id = ? AND (\"event_type\" = ? AND \"user_id\" > ?)";
            String order = " ORDER BY t.\"created_at\" DESC, t.row_id ASC";
            statement = connection.prepareStatement(columns + where + order + " LIMIT ? OFFSET ?");
            statement.setObject(1, tenant);
            statement.setString(2, TYPES[random.nextInt(TYPES.length)]);
            statement.setLong(3, -random.nextLong(1, 1_000_000_000L));
            statement.setInt(4, 100);
            statement.setInt(5, offset);
        } else {
            long from = random.nextInt(1, 1_900_000);
            statement = connection.prepareStatement("SELECT \"event_id\", \"user_id\", \"event_type\", \"amount\", \"created_at\","
                    + " \"user_id\" AS \"_sort_0\", row_id AS \"_row_id\" FROM " + table + " WHERE tenant_id = ? AND \"user_id\" BETWEEN ? AND ?"
                    + " ORDER BY t.\"user_id\" ASC, t.row_id ASC LIMIT ? OFFSET ?");
            statement.setObject(1, tenant);
            statement.setLong(2, from);
            statement.setLong(3, from + 20_000);
            statement.setInt(4, 5000);
            statement.setInt(5, 0);
        }
        try (statement; ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    rs.getObject(i);
                }
            }
        }
    }

    /**
     * One client's HTTP/1.1 connection, kept alive: a blocking socket, as the JDBC side's driver uses. The JDK's
     * HttpClient took about half a core of the two for its own selector and hand-offs at 800 queries/s, CPU the
     * server under test then lacked.
     */
    static final class KeepAlive {
        private final String host;
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        KeepAlive(String host, int port) {
            this.host = host;
            this.port = port;
        }

        /** The body of a 200 answer; anything else throws. */
        String post(String path, String token, String body) throws IOException {
            if (socket == null) {
                socket = new Socket(host, port);
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream(), 65536);
                out = socket.getOutputStream();
            }
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + content.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            int status = Integer.parseInt(line().split(" ")[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    answer.write(in.readNBytes(size));
                    line();
                }
                line();
            } else if (length >= 0) {
                answer.write(in.readNBytes((int) length));
            }
            if (close) {
                socket.close();
                socket = null;
            }
            String text = answer.toString(StandardCharsets.UTF_8);
            if (status != 200) {
                throw new IllegalStateException(status + " " + text);
            }
            return text;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }

    interface Call {
        void run(SplittableRandom random) throws Exception;
    }

    /** {p50, p95, p99 (ms), queries/s} of CLIENTS threads calling for SECONDS (after a 3 s warm-up). */
    static double[] run(int clients, int seconds, Call call) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        long end = warmEnd + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            long seed = c;
            pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        call.run(random);
                        if (start > warmEnd) {
                            latencies.add(System.nanoTime() - start);
                        }
                    } catch (Exception e) {
                        if (errors.incrementAndGet() == 1) {
                            e.printStackTrace();
                        }
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (sorted.isEmpty() || errors.get() > 0) {
            throw new IllegalStateException(errors.get() + " failed calls");
        }
        return new double[] {pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.size() / (double) seconds};
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    static void print(String name, double[] figures) {
        System.out.printf("%-44s %8.1f %8.1f %8.1f %10.1f%n", name, figures[0], figures[1], figures[2], figures[3]);
    }
}
