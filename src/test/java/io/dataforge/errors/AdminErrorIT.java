package io.dataforge.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;
import io.dataforge.batches.BatchClient;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Admins search error reports and download them as CSV that survives commas, quotes and
 * newlines.
 */
@IntegrationTest
class AdminErrorIT {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    BatchClient site;

    @BeforeEach
    void site() {
        site = new BatchClient(new TestHttp(port));
    }

    @Test
    void searchFiltersBySiteAndType() {
        report("{\"type\":\"IO\",\"title\":\"t1\",\"message\":\"m1\"}");
        report("{\"type\":\"PARSE\",\"title\":\"t2\",\"message\":\"m2\"}");

        Map<String, Object> io = TestHttp
            .json(site.identity.adminGet("/admin/errors?siteId=" + site.site.get("id") + "&type=IO"));
        Map<String, Object> all = TestHttp.json(site.identity.adminGet("/admin/errors?siteId=" + site.site.get("id")));

        assertThat(io).containsEntry("totalElements", 1);
        assertThat(io.get("content").toString()).contains("title=t1").doesNotContain("title=t2");
        assertThat(all).containsEntry("totalElements", 2);
        assertThat(TestHttp.json(site.identity
            .adminGet("/admin/errors?siteId=" + site.site.get("id") + "&startDate=2000-01-01&endDate=2000-02-01")))
            .containsEntry("totalElements", 0);
        for (String bad : List.of("siteId=x", "startDate=soon", "startDate=2026-02-01&endDate=2026-01-01")) {
            assertThat(site.identity.adminGet("/admin/errors?" + bad).statusCode()).as(bad).isEqualTo(400);
        }
    }

    @Test
    void csvExportKeepsCommasQuotesAndNewlines() throws Exception {
        String nasty = "a, b \"quoted\"\nsecond line; ümlaut";
        report("{\"type\":\"CSV\",\"title\":\"nasty\",\"message\":"
                + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(nasty)
                + ",\"metadata\":{\"k\":\"v,1\"}}");

        HttpResponse<String> export = site.identity.adminGet("/admin/errors/export?siteId=" + site.site.get("id"));

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition"))
            .hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
        assertThat(export.headers().firstValue("Content-Type"))
            .hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        List<CSVRecord> records = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(export.body()))
            .getRecords();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).get("message")).isEqualTo(nasty);
        assertThat(records.get(0).get("siteId")).isEqualTo(site.site.get("id"));
        assertThat(records.get(0).get("metadata")).contains("\"k\": \"v,1\"");
        assertThat(site.identity.withBearer("GET", "/admin/errors/export", site.token).statusCode()).isEqualTo(403);
    }

    @Test
    void aDateRangeReadsOnlyItsMonthsPartitions() {
        java.time.OffsetDateTime start = java.time.YearMonth.now(java.time.ZoneOffset.UTC)
            .atDay(1)
            .atStartOfDay()
            .atOffset(java.time.ZoneOffset.UTC);
        ErrorQuery thisMonth = new ErrorQuery(null, null, null, start, start.plusDays(10));

        String plan = String.join("\n",
                jdbc.queryForList("EXPLAIN (ANALYZE, COSTS OFF) SELECT id FROM error_logs WHERE " + ErrorQuery.WHERE,
                        String.class, thisMonth.args().toArray()));

        String current = "error_logs_" + java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString().replace('-', '_');
        String next = "error_logs_"
                + java.time.YearMonth.now(java.time.ZoneOffset.UTC).plusMonths(1).toString().replace('-', '_');
        assertThat(plan).contains(current).doesNotContain(next);
    }

    @Test
    void reportsAreCountedByType() {
        report("{\"type\":\"DISK\",\"title\":\"t\",\"message\":\"m\"}");
        report("{\"type\":\"weird type with spaces!\",\"title\":\"t\",\"message\":\"m\"}");

        String metrics = site.identity.adminGet("/actuator/prometheus").body();

        assertThat(metrics).containsPattern("dataforge_errors_reported_total\\{[^}]*type=\"DISK\"")
            .containsPattern("dataforge_errors_reported_total\\{[^}]*type=\"other\"");
    }

    private void report(String json) {
        HttpResponse<String> response = site.identity.http.send(site.identity.http.request("/api/v1/error")
            .header("Authorization", "Bearer " + site.token)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(json)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

}
