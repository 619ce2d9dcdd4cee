package io.dataforge.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;
import io.dataforge.batches.BatchClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Sites report errors over HTTP; rows land in the month's partition of error_logs. */
@IntegrationTest
class ErrorReportIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ErrorPartitions partitions;

    BatchClient site;

    @BeforeEach
    void site() {
        site = new BatchClient(new TestHttp(port));
    }

    @Test
    void standaloneReportIsStoredInThisMonthsPartitionWithItsMetadata() {
        String title = "Disk full " + UUID.randomUUID();

        HttpResponse<String> response = report("/api/v1/error", "{\"type\":\"IO\",\"title\":\"" + title + "\","
                + "\"message\":\"No space left, \\\"C:\\\\\\\" drive\",\"stackTrace\":\"at x\\nat y\",\"clientVersion\":\"2.4.1\","
                + "\"metadata\":{\"freeBytes\":0,\"drive\":\"C\"}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT tableoid::regclass::text AS part, site_id::text AS site,"
                        + " batch_id, metadata->>'drive' AS drive, client_version FROM error_logs WHERE title = ?",
                title);
        assertThat(row)
            .containsEntry("part", "error_logs_" + YearMonth.now(ZoneOffset.UTC).toString().replace('-', '_'))
            .containsEntry("site", site.site.get("id"))
            .containsEntry("drive", "C")
            .containsEntry("client_version", "2.4.1");
        assertThat(row.get("batch_id")).isNull();
    }

    @Test
    void batchBoundReportMarksTheBatch() {
        String batchId = site.start();

        assertThat(
                report("/api/v1/error/" + batchId, "{\"type\":\"PARSE\",\"title\":\"Bad row\",\"message\":\"row 7\"}")
                    .statusCode())
            .isEqualTo(204);

        assertThat(jdbc.queryForObject("SELECT has_errors FROM batches WHERE id = ?::uuid", Boolean.class, batchId))
            .isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM error_logs WHERE batch_id = ?::uuid", Long.class, batchId))
            .isEqualTo(1);
    }

    @Test
    void badReportsAreRefusedAndNothingIsStored() {
        String batchId = site.start();
        BatchClient other = site.sibling();
        long before = jdbc.queryForObject("SELECT count(*) FROM error_logs", Long.class);

        HttpResponse<String> noType = report("/api/v1/error", "{\"title\":\"no type\",\"message\":\"m\"}");
        assertThat(noType.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(noType)).as("names the field and the rule")
            .containsEntry("message", "type must not be blank")
            .containsEntry("code", "VALIDATION_FAILED")
            .containsEntry("details", Map.of("type", "must not be blank"));
        HttpResponse<String> tooLong = report("/api/v1/error",
                "{\"type\":\"" + "x".repeat(101) + "\",\"title\":\"t\",\"message\":\"m\"}");
        assertThat(TestHttp.json(tooLong)).containsEntry("details", Map.of("type", "size must be between 0 and 100"));
        assertThat(TestHttp.json(report("/api/v1/error", "{\"type\":7,\"title\":\"t\",\"message\":\"m\"}")))
            .containsEntry("message", "type has the wrong type");
        assertThat(report("/api/v1/error", "{\"type\":\"X\",\"title\":\"t\"}").statusCode()).isEqualTo(400);
        assertThat(report("/api/v1/error", "{\"type\":7,\"title\":\"t\",\"message\":\"m\"}").statusCode())
            .isEqualTo(400);
        assertThat(report("/api/v1/error", "not json").statusCode()).isEqualTo(400);
        assertThat(report("/api/v1/error/" + UUID.randomUUID(), "{\"type\":\"X\",\"title\":\"t\",\"message\":\"m\"}")
            .statusCode()).isEqualTo(404);
        HttpResponse<String> foreign = other.identity.http.send(other.identity.http.request("/api/v1/error/" + batchId)
            .header("Authorization", "Bearer " + other.token)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString("{\"type\":\"X\",\"title\":\"t\",\"message\":\"m\"}")));
        assertThat(foreign.statusCode()).isEqualTo(403);
        String huge = "{\"type\":\"X\",\"title\":\"t\",\"message\":\"" + "m".repeat(2 * 1024 * 1024) + "\"}";
        assertThat(report("/api/v1/error", huge).statusCode()).isEqualTo(413);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM error_logs", Long.class)).isEqualTo(before);
    }

    @Test
    void partitionsExistAheadOfTime() {
        List<String> ensured = partitions.ensure();

        YearMonth next = YearMonth.now(ZoneOffset.UTC).plusMonths(1);
        String nextName = "error_logs_" + next.toString().replace('-', '_');
        assertThat(ensured).contains(nextName).hasSize(4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = 'error_logs'::regclass AND c.relname = ?", Long.class, nextName))
            .isEqualTo(1);
    }

    private HttpResponse<String> report(String path, String json) {
        return site.identity.http.send(site.identity.http.request(path)
            .header("Authorization", "Bearer " + site.token)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(json)));
    }

}
