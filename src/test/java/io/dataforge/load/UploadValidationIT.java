package io.dataforge.load;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

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
 * Every refusal happens before the 202, with the standard error body, and leaves nothing
 * staged or recorded.
 */
@IntegrationTest
class UploadValidationIT {

    static final String ORDERS = """
            {"columns": [
              {"name": "order_id", "type": "bigint", "required": true},
              {"name": "total", "type": "numeric(12,2)", "required": true},
              {"name": "note", "type": "text"}]}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectStore store;

    UploadClient client;

    String dataset;

    long accepted;

    @BeforeEach
    void newAccountAndDataset() {
        client = new UploadClient(new TestHttp(port));
        dataset = client.dataset(ORDERS);
    }

    @Test
    void aWrongExtensionOrContentTypeIs415() {
        byte[] csv = "order_id,total\n1,2.00\n".getBytes(StandardCharsets.UTF_8);

        assertRefused(client.upload("orders.txt", "text/plain", csv, UploadClient.fields(dataset)), 415,
                "INVALID_FILE_FORMAT");
        assertRefused(client.upload("orders.csv", "image/png", csv, UploadClient.fields(dataset)), 415,
                "INVALID_FILE_FORMAT");
        assertRefused(client.upload("orders.csv.gz", "application/gzip", csv, UploadClient.fields(dataset)), 415,
                "INVALID_FILE_FORMAT");
        assertRefused(client.upload("orders.csv", "text/csv", UploadClient.gzip("order_id,total\n"),
                UploadClient.fields(dataset)), 415, "INVALID_FILE_FORMAT");
    }

    @Test
    void aHeaderWithoutARequiredColumnOrWithAnUnknownOneIs400() {
        HttpResponse<String> missing = client.uploadCsv(dataset, "order_id,note\n1,x\n");
        HttpResponse<String> unknown = client.uploadCsv(dataset, "order_id,total,discount\n1,2.00,3\n");

        assertRefused(missing, 400, "INVALID_FILE_FORMAT");
        assertThat(TestHttp.json(missing).get("message").toString()).contains("total");
        assertRefused(unknown, 400, "INVALID_FILE_FORMAT");
        assertThat(TestHttp.json(unknown).get("message").toString()).contains("discount");
    }

    @Test
    void aDatasetThatAllowsUnknownColumnsIgnoresThem() {
        String open = client
            .dataset("{\"allowUnknownColumns\": true, \"columns\": [{\"name\": \"order_id\", \"type\": \"bigint\"}]}");

        HttpResponse<String> accepted = client.uploadCsv(open, "order_id,Discount\n7,3\n");

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(client.awaitFinished((String) TestHttp.json(accepted).get("uploadId"))).containsEntry("createdRows",
                1);
        assertThat(jdbc.queryForList("SELECT order_id FROM datasets." + open, Long.class)).containsExactly(7L);
    }

    @Test
    void theFieldsMayComeBeforeOrAfterTheFile() {
        byte[] file = UploadClient.gzip("order_id,total\n1,2.00\n");
        String boundary = "----order";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"o.csv.gz\"\r\n"
                + "Content-Type: application/gzip\r\n\r\n";
        byte[] head = body.getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = ("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"dataset\"\r\n\r\n" + dataset
                + "\r\n--" + boundary + "--\r\n")
            .getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(head, head.length + file.length + tail.length);
        System.arraycopy(file, 0, all, head.length, file.length);
        System.arraycopy(tail, 0, all, head.length + file.length, tail.length);

        HttpResponse<String> accepted = client.identity.http.send(client.identity.http.request("/api/v1/uploads")
            .header("Authorization", "Bearer " + client.token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(all)));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(client.awaitFinished((String) TestHttp.json(accepted).get("uploadId"))).containsEntry("status",
                "completed");
    }

    @Test
    void missingPartsUnknownDatasetsAndInjectionLookingNamesAre400() {
        assertRefused(client.upload(null, null, null, UploadClient.fields(dataset)), 400, "INVALID_FILE_FORMAT");
        assertRefused(client.upload("o.csv", "text/csv", "order_id,total\n".getBytes(StandardCharsets.UTF_8), Map.of()),
                400, "INVALID_FILE_FORMAT");
        assertRefused(client.uploadCsv("no_such_dataset", "order_id,total\n1,2\n"), 400, "UNKNOWN_DATASET");
        assertRefused(client.uploadCsv("accounts; DROP TABLE accounts; --", "order_id,total\n1,2\n"), 400,
                "UNKNOWN_DATASET");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM accounts", Long.class)).isPositive();
    }

    @Test
    void brokenFilesAre400WithTheRowOrTheCause() {
        byte[] gz = UploadClient.gzip("order_id,total\n" + "1,2.00\n".repeat(5000));
        byte[] truncated = Arrays.copyOf(gz, gz.length / 2);

        HttpResponse<String> cut = client.upload("o.csv.gz", "application/gzip", truncated,
                UploadClient.fields(dataset));
        HttpResponse<String> unclosed = client.uploadCsv(dataset, "order_id,total,note\n1,2.00,\"open\n2,3.00,x\n");
        HttpResponse<String> empty = client.uploadCsv(dataset, "");

        assertRefused(cut, 400, "INVALID_FILE_FORMAT");
        assertThat(TestHttp.json(cut).get("message").toString()).contains("corrupt or truncated");
        assertRefused(unclosed, 400, "INVALID_FILE_FORMAT");
        assertThat(TestHttp.json(unclosed).get("message").toString()).contains("row 1");
        assertRefused(empty, 400, "INVALID_FILE_FORMAT");
    }

    @Test
    void aFileOverTheLimitIs413WhileItStreams() {
        byte[] big = ("order_id,total\n" + "1,2.00\n".repeat(700_000)).getBytes(StandardCharsets.UTF_8);

        assertRefused(client.upload("big.csv", "text/csv", big, UploadClient.fields(dataset)), 413,
                "INVALID_FILE_FORMAT");
    }

    @Test
    void aCallbackAtALoopbackOrPrivateAddressIs400() {
        for (String url : new String[] { "http://127.0.0.1:8080/hook", "http://10.1.2.3/hook", "http://[::1]/x",
                "ftp://example.com/hook", "http://user:pw@example.com/x" }) {
            Map<String, String> fields = UploadClient.fields(dataset);
            fields.put("callbackUrl", url);
            assertRefused(client.upload("o.csv", "text/csv", "order_id,total\n1,2\n".getBytes(StandardCharsets.UTF_8),
                    fields), 400, "INVALID_CALLBACK_URL");
        }
    }

    @Test
    void pastTheUploadsPerMinuteOfATenantIs429WithRetryAfter() {
        byte[] csv = "order_id,total\n1,2.00\n".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 20; i++) {
            assertThat(client.upload("o.csv", "text/csv", csv, UploadClient.fields(dataset)).statusCode())
                .isEqualTo(202);
            accepted++;
        }

        // the budget refills greedily (one upload every 3 s at 20 a minute): a slow
        // machine
        // may earn one or two more while the first 20 run, never a whole minute's worth
        HttpResponse<String> limited = client.upload("o.csv", "text/csv", csv, UploadClient.fields(dataset));
        for (int extra = 0; extra < 3 && limited.statusCode() == 202; extra++) {
            accepted++;
            limited = client.upload("o.csv", "text/csv", csv, UploadClient.fields(dataset));
        }

        assertRefused(limited, 429, "RATE_LIMITED");
        assertThat(limited.headers().firstValue("Retry-After"))
            .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
        UploadClient other = new UploadClient(new TestHttp(port));
        assertThat(other.upload("o.csv", "text/csv", csv, UploadClient.fields(dataset)).statusCode())
            .as("another tenant has its own budget")
            .isEqualTo(202);
    }

    private void assertRefused(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        Map<String, Object> body = TestHttp.json(response);
        assertThat(body).containsKeys("timestamp", "status", "error", "message", "path")
            .containsEntry("error_code", code);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM uploads WHERE account_id = ?::uuid", Long.class,
                client.accountId))
            .as("no upload recorded for a refused request")
            .isEqualTo(accepted);
        if (status != 429) {
            assertThat(store.list("staging/uploads/")
                .filter(key -> !key.isEmpty())
                .filter(key -> jdbc.queryForObject("SELECT count(*) FROM uploads WHERE staging_key = ?", Long.class,
                        key) == 0)
                .toList()).as("no staged object without its upload").isEmpty();
        }
    }

}
