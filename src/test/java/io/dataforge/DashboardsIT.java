package io.dataforge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.batches.BatchClient;
import io.dataforge.export.ExportClient;
import io.dataforge.export.ExportFixture;
import io.dataforge.identity.IdentityClient;
import io.dataforge.load.UploadClient;
import io.dataforge.platform.storage.ObjectStore;
import io.dataforge.query.QueryClient;
import io.dataforge.watch.WatchFixture;
import io.dataforge.watch.WatchProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Grafana dashboards under {@code deploy/grafana/dashboards} query only what the
 * application exposes: every metric name in every panel's query is found on
 * {@code /actuator/prometheus} after a workload that touches each capability (a batch
 * with an error report, a watched file, an upload with its callback, a query, an export).
 */
@IntegrationTest
class DashboardsIT {

    private static final Path DASHBOARDS = Path.of("deploy/grafana/dashboards");

    /** PromQL words that look like metric names but are not. */
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "offset", "and", "or", "unless", "inf", "nan");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WatchProperties watchProps;

    @Autowired
    ObjectStore store;

    @Test
    void everyMetricADashboardQueriesIsScrapedAfterAWorkloadOfEveryCapability() throws Exception {
        Map<String, Set<String>> byDashboard = metricsByDashboard();
        assertThat(byDashboard).containsOnlyKeys("overview", "batches", "watch", "load", "query", "export");
        Set<String> wanted = new TreeSet<>();
        byDashboard.values().forEach(wanted::addAll);
        assertThat(wanted).as("names read from the queries")
            .contains("dataforge_load_rows_total", "dataforge_query_latency_seconds_bucket",
                    "dataforge_export_duration_seconds_count", "dataforge_queue_messages", "jvm_memory_used_bytes");

        workload();

        Set<Map.Entry<String, String>> buckets = bucketsQueried();
        TestHttp http = new TestHttp(port);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> scraped = http.send(http.asAdmin("/actuator/prometheus").GET());
            assertThat(scraped.statusCode()).isEqualTo(200);
            Set<String> exposed = new TreeSet<>();
            scraped.body().lines().filter(line -> !line.startsWith("#")).forEach(line -> {
                Matcher name = Pattern.compile("^[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(line);
                if (name.find()) {
                    exposed.add(name.group());
                }
            });
            assertThat(exposed).as("metrics on /actuator/prometheus").containsAll(wanted);
            buckets.forEach(bucket -> assertThat(scraped.body()).as("the bucket a panel reads")
                .containsPattern(
                        Pattern.quote(bucket.getKey()) + "\\{[^}]*le=\"" + Pattern.quote(bucket.getValue()) + "\""));
        });
    }

    /**
     * The histogram buckets the panels name ({@code le="15.0"}, {@code le=~"0.05|0.1"}),
     * as metric and bound pairs: the SLO panels read nothing if the registry writes the
     * bounds otherwise.
     */
    private static Set<Map.Entry<String, String>> bucketsQueried() throws IOException {
        Set<Map.Entry<String, String>> buckets = new java.util.HashSet<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.toList()) {
                for (JsonNode expr : json.readTree(file.toFile()).findValues("expr")) {
                    Matcher selector = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}").matcher(expr.asText());
                    while (selector.find()) {
                        Matcher le = Pattern.compile("le=~?\"([^\"]*)\"").matcher(selector.group(2));
                        while (le.find()) {
                            for (String bound : le.group(1).split("\\|")) {
                                buckets.add(Map.entry(selector.group(1), bound));
                            }
                        }
                    }
                }
            }
        }
        assertThat(buckets).as("the SLO panels' buckets").isNotEmpty();
        return buckets;
    }

    private void workload() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            TestHttp http = new TestHttp(port);
            BatchClient site = new BatchClient(http);
            String batchId = site.start();
            assertThat(site.upload(batchId, Map.of("sales.csv.gz", BatchClient.gzipCsv(1, 100))).statusCode())
                .isEqualTo(200);
            assertThat(site.post("/api/v1/batch/" + batchId + "/complete").statusCode()).isEqualTo(200);
            HttpResponse<String> reported = http.send(http.request("/api/v1/error")
                .header("Authorization", "Bearer " + site.token)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"type\":\"IO\",\"title\":\"Disk full\",\"message\":\"no space\"}")));
            assertThat(reported.statusCode()).as(reported.body()).isEqualTo(204);

            WatchFixture watch = new WatchFixture(watchProps, jdbc, store);
            String watched = WatchFixture.folder("dashboards") + "/events.csv";
            watch.drop(watched, "id,name\n1,a\n2,b\n".getBytes(StandardCharsets.UTF_8));

            UploadClient loader = new UploadClient(http);
            String dataset = loader.dataset("{\"columns\": [{\"name\": \"id\", \"type\": \"bigint\"}]}");
            Map<String, String> fields = UploadClient.fields(dataset);
            fields.put("callbackUrl", receiver.url());
            HttpResponse<String> accepted = loader.upload("ids.csv", "text/csv",
                    "id\n1\n2\n".getBytes(StandardCharsets.UTF_8), fields);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String uploadId = (String) TestHttp.json(accepted).get("uploadId");
            assertThat(loader.awaitFinished(uploadId)).containsEntry("status", "completed");
            await().atMost(Duration.ofSeconds(30))
                .until(() -> "delivered"
                    .equals(((Map<?, ?>) TestHttp.json(loader.get("/api/v1/uploads/" + uploadId)).get("webhook"))
                        .get("status")));

            QueryClient analyst = new QueryClient(loader.identity, loader.accountId, "VIEWER");
            assertThat(analyst.rows("{\"dataset\": \"" + dataset + "\", \"page\": {\"limit\": 10}}")).hasSize(2);

            ExportFixture fixture = new ExportFixture(new IdentityClient(http), jdbc, 10);
            ExportClient exporter = new ExportClient(fixture.identity, fixture.tenant, "EXPORTER");
            exporter.awaitState(exporter.ordered(fixture.order("csv")), "Succeeded");

            watch.awaitStatus(watched, "completed");
        }
    }

    /** The metric names each dashboard's queries read, by dashboard file name. */
    static Map<String, Set<String>> metricsByDashboard() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Set<String>> names = new TreeMap<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode dashboard = json.readTree(file.toFile());
                Set<String> metrics = new TreeSet<>();
                for (JsonNode panel : dashboard.path("panels")) {
                    assertThat(panel.path("datasource").path("uid").asText()).as(file + ": the provisioned source")
                        .isEqualTo("prometheus");
                    for (JsonNode target : panel.path("targets")) {
                        metrics.addAll(metricNames(target.path("expr").asText()));
                    }
                }
                names.put(file.getFileName().toString().replace(".json", ""), metrics);
            }
        }
        return names;
    }

    /**
     * The metric names in a PromQL expression: what is left once label matchers, ranges,
     * strings, grouping clauses and function calls are taken out.
     */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"[^\"]*\"", "")
            .replaceAll("\\{[^}]*}", "")
            .replaceAll("\\[[^]]*]", "")
            .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher token = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?").matcher(bare);
        while (token.find()) {
            String word = token.group().replaceAll("\\s*\\($", "");
            if (token.group(1) == null && !KEYWORDS.contains(word.toLowerCase())) {
                names.add(word);
            }
        }
        return names;
    }

}
