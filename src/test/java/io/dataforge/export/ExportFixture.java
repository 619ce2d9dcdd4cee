package io.dataforge.export;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.dataforge.identity.IdentityClient;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account with a dataset of {@code rows} rows (nasty names, a pii email column), the
 * rows as every export reader should see them (email masked), and export orders over it.
 */
public final class ExportFixture {

    public static final List<String> COLUMNS = List.of("id", "name", "amount", "day", "email");
    static final String[] NAMES = { "plain", "quote \"q\", comma", "line\nbreak", "ünïcödé ☃", null,
            "'; DROP TABLE x; --" };

    public final IdentityClient identity;

    public final String tenant;

    public final String dataset;

    final List<List<String>> expected = new ArrayList<>();

    public ExportFixture(IdentityClient identity, JdbcTemplate jdbc, int rows) {
        this.identity = identity;
        this.tenant = identity.createAccount("Export Co");
        this.dataset = "e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        HttpResponse<String> put = identity.http.send(identity.http.asAdmin("/admin/datasets/" + dataset)
            .header("Content-Type", "application/json")
            .PUT(BodyPublishers.ofString("""
                    {"columns": [{"name": "id", "type": "bigint", "required": true}, {"name": "name", "type": "text"},
                      {"name": "amount", "type": "numeric(12,2)"}, {"name": "day", "type": "date"},
                      {"name": "email", "type": "text", "pii": true}]}""")));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        UUID upload = UUID.randomUUID();
        for (int i = 1; i <= rows; i++) {
            String name = NAMES[i % NAMES.length];
            String day = "2026-03-" + String.format("%02d", i % 28 + 1);
            jdbc.update(
                    "INSERT INTO datasets." + dataset + " (tenant_id, upload_id, id, name, amount, day, email)"
                            + " VALUES (?::uuid, ?, ?, ?, ?, ?::date, ?)",
                    tenant, upload, i, name, i + 0.25, day, "user" + i + "@example.com");
            expected.add(List.of(String.valueOf(i), name == null ? "" : name, i + ".25", day, "***"));
        }
    }

    /** Adds rows {@code from..to} (plain values) in one statement. */
    public void addRows(JdbcTemplate jdbc, int from, int to) {
        jdbc.update(
                "INSERT INTO datasets." + dataset + " (tenant_id, upload_id, id, name, amount, day, email)"
                        + " SELECT ?::uuid, ?, g, 'row ' || g, g, DATE '2026-01-01', 'x' FROM generate_series(?, ?) g",
                tenant, UUID.randomUUID(), from, to);
    }

    public String order(String format) {
        return order(format, null);
    }

    public String order(String format, String compression) {
        return "{\"queryDefinition\": {\"dataset\": \"" + dataset
                + "\", \"select\": [\"id\", \"name\", \"amount\", \"day\", \"email\"],"
                + " \"sort\": [{\"column\": \"id\"}]}, \"format\": \"" + format + "\""
                + (compression == null ? "" : ", \"compression\": \"" + compression + "\"") + "}";
    }

}
