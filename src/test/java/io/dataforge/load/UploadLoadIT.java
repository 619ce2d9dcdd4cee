package io.dataforge.load;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;
import io.dataforge.platform.storage.ObjectStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads over real HTTP, staged in S3, loaded by the queue worker into PostgreSQL with
 * COPY.
 */
@IntegrationTest
class UploadLoadIT {

    static final String TYPED = """
            {"columns": [
              {"name": "id", "type": "bigint", "required": true},
              {"name": "small", "type": "integer"},
              {"name": "amount", "type": "numeric(10,2)"},
              {"name": "paid", "type": "boolean"},
              {"name": "day", "type": "date"},
              {"name": "at", "type": "timestamp"},
              {"name": "at_tz", "type": "timestamptz"},
              {"name": "ref", "type": "uuid"},
              {"name": "doc", "type": "jsonb"},
              {"name": "note", "type": "text"}]}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectStore store;

    UploadClient client;

    @BeforeEach
    void newAccount() {
        client = new UploadClient(new TestHttp(port));
    }

    @Test
    void everyValueLoadsAsWrittenIncludingQuotesNewlinesEmptyVersusNullAndUnicode() {
        String dataset = client.dataset(TYPED);
        UUID ref = UUID.randomUUID();
        String csv = "id,small,amount,paid,day,at,at_tz,ref,doc,note\r\n"
                + "1,7,12.50,true,2024-03-01,2024-03-01 10:00:00,2024-03-01T10:00:00+02:00," + ref
                + ",\"{\"\"a\"\": [1, 2]}\",\"a, b\"\r\n" + "2,,,,,,,,,\"\"\r\n"
                + "3,-5,0.1,no,2024-12-31,2024-12-31T23:59:59.5,2024-12-31 23:59:59," + ref
                + ",null,\"she said \"\"hi\"\"\"\r\n"
                + "4,2147483647,99999999.99,1,2000-02-29,2000-02-29 00:00:00,2000-02-29T00:00:00Z," + ref
                + ",\"\"\"x\"\"\",\"line one\nline two\"\r\n"
                + "5,0,1,f,2024-01-01,2024-01-01 00:00:00,2024-01-01 00:00:00," + ref.toString().toUpperCase()
                + ",{},Ünïcödé 😀 日本\r\n";

        HttpResponse<String> accepted = client.uploadCsv(dataset, csv);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        Map<String, Object> body = TestHttp.json(accepted);
        String uploadId = (String) body.get("uploadId");
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/v1/uploads/" + uploadId);
        assertThat(body).containsEntry("status", "uploaded")
            .containsEntry("fileName", "data.csv.gz")
            .containsEntry("rowsDetected", 5);
        Map<String, Object> done = client.awaitFinished(uploadId);
        assertThat(done).containsEntry("status", "completed")
            .containsEntry("createdRows", 5)
            .containsEntry("skippedRows", 0)
            .containsEntry("rowsProcessed", 5)
            .containsEntry("rowsFailed", 0)
            .containsEntry("percentComplete", 100);
        List<Map<String, Object>> rows = jdbc
            .queryForList("SELECT tenant_id::text AS tenant, upload_id::text AS upload, id, small,"
                    + " amount::text AS amount, paid, day::text AS day, at::text AS at, (at_tz AT TIME ZONE 'UTC')::text AS at_utc,"
                    + " ref::text AS ref, doc::text AS doc, note FROM datasets." + dataset + " ORDER BY id");
        assertThat(rows).hasSize(5)
            .allSatisfy(
                    row -> assertThat(row).containsEntry("tenant", client.accountId).containsEntry("upload", uploadId));
        assertThat(rows.get(0)).containsEntry("small", 7)
            .containsEntry("amount", "12.50")
            .containsEntry("paid", true)
            .containsEntry("day", "2024-03-01")
            .containsEntry("at", "2024-03-01 10:00:00")
            .containsEntry("at_utc", "2024-03-01 08:00:00")
            .containsEntry("ref", ref.toString())
            .containsEntry("doc", "{\"a\": [1, 2]}")
            .containsEntry("note", "a, b");
        assertThat(rows.get(1)).containsEntry("small", null)
            .containsEntry("amount", null)
            .containsEntry("paid", null)
            .containsEntry("day", null)
            .containsEntry("doc", null)
            .containsEntry("note", "");
        assertThat(rows.get(2)).containsEntry("small", -5)
            .containsEntry("amount", "0.10")
            .containsEntry("paid", false)
            .containsEntry("at", "2024-12-31 23:59:59.5")
            .containsEntry("at_utc", "2024-12-31 23:59:59")
            .containsEntry("doc", "null")
            .containsEntry("note", "she said \"hi\"");
        assertThat(rows.get(3)).containsEntry("small", Integer.MAX_VALUE)
            .containsEntry("amount", "99999999.99")
            .containsEntry("doc", "\"x\"")
            .containsEntry("note", "line one\nline two");
        assertThat(rows.get(4)).containsEntry("ref", ref.toString())
            .containsEntry("doc", "{}")
            .containsEntry("note", "Ünïcödé 😀 日本");
        assertThat(store.list("staging/uploads/" + uploadId + "/")).as("staging object deleted after the load")
            .isEmpty();
    }

    @Test
    void badRowsAreLeftOutAndRecordedWithTheirNumbersColumnsAndReasons() {
        String dataset = client.dataset(TYPED);
        StringBuilder csv = new StringBuilder("id,small,amount,note\n");
        for (int i = 1; i <= 100; i++) {
            String line = switch (i) {
                case 5 -> "5,x,1.00,not a number";
                case 9 -> ",1,1.00,missing id";
                case 17 -> "17,1,1.005,too many decimals";
                case 23 -> "23,1,1.00";
                case 31 -> "31,99999999999,1.00,integer overflow";
                default -> i + "," + i + "," + i + ".25,ok";
            };
            csv.append(line).append('\n');
        }

        String uploadId = (String) TestHttp.json(client.uploadCsv(dataset, csv.toString())).get("uploadId");
        Map<String, Object> done = client.awaitFinished(uploadId);

        assertThat(done).containsEntry("status", "completed")
            .containsEntry("createdRows", 95)
            .containsEntry("skippedRows", 5)
            .containsEntry("rowsFailed", 5)
            .containsEntry("rowsProcessed", 100);
        assertThat(jdbc.queryForList("SELECT id FROM datasets." + dataset + " ORDER BY id", Long.class)).hasSize(95)
            .doesNotContain(5L, 17L, 23L, 31L);
        Map<String, Object> errors = TestHttp.json(client.get("/api/v1/uploads/" + uploadId + "/errors?size=10"));
        assertThat(errors).containsEntry("totalElements", 5);
        List<Map<String, Object>> content = (List<Map<String, Object>>) errors.get("content");
        assertThat(content).extracting(e -> e.get("rowNumber")).containsExactly(5, 9, 17, 23, 31);
        assertThat(content).extracting(e -> e.get("column")).containsExactly("small", "id", "amount", null, "small");
        assertThat(content.get(0).get("reason").toString()).contains("'x' is not a whole number");
        assertThat(content.get(1).get("reason").toString()).contains("required");
        assertThat(content.get(2).get("reason").toString()).contains("more than 2 decimal places");
        assertThat(content.get(3).get("reason").toString()).contains("3 fields");
        assertThat(content.get(0).get("rawExcerpt")).isEqualTo("5,x,1.00,not a number");
        assertThat((List<?>) done.get("errors")).hasSize(5);
    }

    @Test
    void tooManyBadRowsFailTheWholeLoadAndKeepTheStagedFile() {
        String dataset = client.dataset(TYPED);
        StringBuilder csv = new StringBuilder("id,small\n");
        for (int i = 1; i <= 100; i++) {
            csv.append(i).append(',').append(i % 5 == 0 ? "bad" : String.valueOf(i)).append('\n');
        }

        String uploadId = (String) TestHttp.json(client.uploadCsv(dataset, csv.toString())).get("uploadId");
        Map<String, Object> done = client.awaitFinished(uploadId);

        assertThat(done).containsEntry("status", "failed");
        assertThat(done.get("errorMessage").toString()).contains("bad rows").contains("10.0 %");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM datasets." + dataset, Long.class)).isZero();
        assertThat(store.list("staging/uploads/" + uploadId + "/")).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM load_row_errors WHERE upload_id = ?::uuid", Long.class,
                uploadId))
            .isGreaterThan(10);
    }

    @Test
    void aFailedUploadIsRetriedFromItsStagedFile() {
        String dataset = client.dataset(TYPED);
        jdbc.execute("ALTER TABLE datasets." + dataset + " ADD CONSTRAINT it_small_below_100 CHECK (small < 100)");
        String csv = "id,small\n1,10\n2,150\n3,30\n";
        String uploadId = (String) TestHttp.json(client.uploadCsv(dataset, csv)).get("uploadId");
        Map<String, Object> failed = client.awaitFinished(uploadId);
        assertThat(failed).containsEntry("status", "failed");
        assertThat(failed.get("errorMessage").toString()).contains("PostgreSQL refused the data");
        assertThat(client.post("/api/v1/uploads/" + UUID.randomUUID() + "/retry").statusCode()).isEqualTo(404);

        jdbc.execute("ALTER TABLE datasets." + dataset + " DROP CONSTRAINT it_small_below_100");
        HttpResponse<String> retried = client.post("/api/v1/uploads/" + uploadId + "/retry");

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
        Map<String, Object> done = client.awaitFinished(uploadId);
        assertThat(done).containsEntry("status", "completed")
            .containsEntry("createdRows", 3)
            .containsEntry("attempt", 2);
        assertThat(jdbc.queryForList("SELECT small FROM datasets." + dataset + " ORDER BY id", Integer.class))
            .containsExactly(10, 150, 30);
        assertThat(client.post("/api/v1/uploads/" + uploadId + "/retry").statusCode()).as("a completed upload")
            .isEqualTo(409);
    }

    @Test
    void anotherTenantCannotSeeOrRetryAnUpload() {
        String dataset = client.dataset(TYPED);
        String uploadId = (String) TestHttp.json(client.uploadCsv(dataset, "id\n1\n")).get("uploadId");
        client.awaitFinished(uploadId);
        UploadClient other = new UploadClient(new TestHttp(port));

        assertThat(other.get("/api/v1/uploads/" + uploadId).statusCode()).isEqualTo(404);
        assertThat(other.get("/api/v1/uploads/" + uploadId + "/errors").statusCode()).isEqualTo(404);
        assertThat(other.post("/api/v1/uploads/" + uploadId + "/retry").statusCode()).isEqualTo(404);
        assertThat(TestHttp.json(other.get("/api/v1/uploads"))).containsEntry("totalElements", 0);
        assertThat(TestHttp.json(client.get("/api/v1/uploads?status=completed"))).containsEntry("totalElements", 1);
    }

}
