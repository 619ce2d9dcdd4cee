package io.dataforge.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Admins declare datasets over HTTP; each becomes a PostgreSQL table that only evolves
 * safely.
 */
@IntegrationTest
class DatasetAdminIT {

    static final String ORDERS = """
            {"columns": [{"name": "order_id", "type": "uuid", "required": true},
                         {"name": "total", "type": "numeric(12,2)", "required": true},
                         {"name": "placed_at", "type": "timestamptz", "required": true},
                         {"name": "email", "type": "text", "pii": true}],
             "indexes": [["placed_at"]]}""";
    static final List<String> ORDERS_TABLE = List.of("row_id bigint NOT NULL", "tenant_id uuid NOT NULL",
            "upload_id uuid NOT NULL", "order_id uuid NOT NULL", "total numeric(12,2) NOT NULL",
            "placed_at timestamp with time zone NOT NULL", "email text");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ShippedDatasets shippedDatasets;

    TestHttp http;

    String name;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        name = "orders_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void declaredDatasetBecomesATableWithItsColumnsAndIndexes() {
        HttpResponse<String> created = put(name, ORDERS);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Map<String, Object> body = TestHttp.json(created);
        assertThat(body).containsEntry("name", name)
            .containsEntry("allowUnknownColumns", false)
            .containsEntry("version", 1)
            .containsEntry("indexes", List.of(List.of("placed_at")))
            .containsKeys("createdAt", "updatedAt");
        assertThat((List<?>) body.get("columns")).element(1)
            .isEqualTo(Map.of("name", "total", "type", "numeric(12,2)", "required", true, "pii", false));
        assertThat(columns(name)).isEqualTo(ORDERS_TABLE);
        assertThat(indexColumns(name)).containsExactlyInAnyOrder("tenant_id", "upload_id",
                "tenant_id, placed_at, row_id");
    }

    @Test
    void sameDeclarationAgainChangesNothing() {
        put(name, ORDERS);

        HttpResponse<String> again = put(name, ORDERS);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(again)).containsEntry("version", 1);
        assertThat(columns(name)).isEqualTo(ORDERS_TABLE);
    }

    @Test
    void safeChangesEvolveTheTableAndKeepItsRows() {
        put(name, ORDERS);
        jdbc.update("INSERT INTO datasets." + name + " (tenant_id, upload_id, order_id, total, placed_at)"
                + " VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 12.5, now())");
        String evolved = ORDERS.replace("\"type\": \"timestamptz\", \"required\": true", "\"type\": \"timestamptz\"")
            .replace("\"pii\": true}]", "\"pii\": false}, {\"name\": \"note\", \"type\": \"text\"}]")
            .replace("[[\"placed_at\"]]", "[[\"note\", \"email\"]]");

        HttpResponse<String> response = put(name, evolved);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(TestHttp.json(response)).containsEntry("version", 2);
        assertThat(columns(name)).containsExactly("row_id bigint NOT NULL", "tenant_id uuid NOT NULL",
                "upload_id uuid NOT NULL", "order_id uuid NOT NULL", "total numeric(12,2) NOT NULL",
                "placed_at timestamp with time zone", "email text", "note text");
        assertThat(indexColumns(name)).containsExactlyInAnyOrder("tenant_id", "upload_id",
                "tenant_id, note, email, row_id");
        assertThat(jdbc.queryForObject("SELECT total FROM datasets." + name, String.class)).isEqualTo("12.50");
    }

    @Test
    void unsafeChangesAreConflictsThatLeaveTheTableAsItWas() {
        put(name, ORDERS);
        Map<String, String> changes = Map.of("column removed",
                ORDERS.replace(",\n             {\"name\": \"email\", \"type\": \"text\", \"pii\": true}", ""),
                "type changed", ORDERS.replace("\"type\": \"uuid\"", "\"type\": \"text\""), "precision changed",
                ORDERS.replace("numeric(12,2)", "numeric(14,2)"), "scale changed",
                ORDERS.replace("numeric(12,2)", "numeric(12,3)"), "new required column",
                ORDERS.replace("\"pii\": true}",
                        "\"pii\": true}, {\"name\": \"n\", \"type\": \"text\", \"required\": true}"),
                "column becomes required", ORDERS.replace("\"pii\": true}", "\"pii\": true, \"required\": true}"));

        changes.forEach((change, declaration) -> {
            assertThat(declaration).as(change).isNotEqualTo(ORDERS);
            HttpResponse<String> response = put(name, declaration);
            assertThat(response.statusCode()).as(change + ": " + response.body()).isEqualTo(409);
            assertThat(TestHttp.json(response)).as(change)
                .containsEntry("code", "DATASET_CONFLICT")
                .containsKeys("timestamp", "status", "error", "message", "path", "details");
        });

        assertThat(columns(name)).isEqualTo(ORDERS_TABLE);
        assertThat(TestHttp.json(get("/admin/datasets/" + name))).containsEntry("version", 1);
    }

    @Test
    void injectionLookingNamesAreRefusedBeforeAnySql() {
        List<String> paths = List.of("x%22%20OR%20%221%22=%221", "x%22%3B%20DROP%20TABLE%20accounts%3B%20--", "Orders",
                "a" + "b".repeat(63));
        String badColumn = ORDERS.replace("\"email\"", "\"email\\\" text); DROP TABLE accounts; --\"");

        for (String path : paths) {
            HttpResponse<String> response = put(path, ORDERS);
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(400);
        }
        HttpResponse<String> column = put(name, badColumn);
        HttpResponse<String> bodyName = put(name,
                ORDERS.replace("{\"columns\"", "{\"name\": \"accounts\", \"columns\""));

        assertThat(put(paths.get(0), ORDERS).body()).contains("is not allowed");
        assertThat(column.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(column).get("message").toString()).contains("columns[3].name");
        assertThat(bodyName.statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'datasets'"
                        + " AND (table_name = ? OR table_name LIKE '%drop%' OR table_name LIKE 'x%')",
                Integer.class, name))
            .isZero();
        assertThat(jdbc.queryForObject("SELECT to_regclass('public.accounts') IS NOT NULL", Boolean.class)).isTrue();
    }

    @Test
    void datasetsAreListedAndReadByName() {
        put(name, ORDERS);

        HttpResponse<String> one = get("/admin/datasets/" + name);
        HttpResponse<String> list = get("/admin/datasets");

        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(one)).containsEntry("name", name).containsEntry("version", 1);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).startsWith("[")
            .contains("\"name\":\"" + name + "\"")
            .contains("\"name\":\"sales_transactions\"");
        assertThat(get("/admin/datasets/no_such_dataset").statusCode()).isEqualTo(404);
        assertThat(get("/admin/datasets/Not%20A%20Name").statusCode()).isEqualTo(404);
    }

    @Test
    void thePathNamesTheDatasetWhateverTheQuerySays() {
        // a query parameter the API does not have, sent on purpose
        HttpResponse<String> created = http.sendOffContract(http.asAdmin("/admin/datasets/" + name + "?name=accounts")
            .header("Content-Type", "application/json")
            .PUT(BodyPublishers.ofString(ORDERS))
            .build());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(TestHttp.json(created)).containsEntry("name", name);
        assertThat(TestHttp.json(http
            .sendOffContract(http.asAdmin("/admin/datasets/" + name + "?name=sales_transactions").GET().build())))
            .containsEntry("name", name);
    }

    @Test
    void onlyAdminsSeeOrChangeDatasets() {
        HttpResponse<String> list = http.get("/admin/datasets");
        HttpResponse<String> put = http.send(http.request("/admin/datasets/" + name)
            .header("Content-Type", "application/json")
            .PUT(BodyPublishers.ofString(ORDERS)));

        assertThat(list.statusCode()).isEqualTo(401);
        assertThat(put.statusCode()).isEqualTo(401);
        assertThat(get("/admin/datasets/" + name).statusCode()).isEqualTo(404);
    }

    @Test
    void concurrentDeclarationsOfOneDatasetCreateItOnce() {
        var first = CompletableFuture.supplyAsync(() -> put(name, ORDERS).statusCode());
        var second = CompletableFuture.supplyAsync(() -> put(name, ORDERS).statusCode());

        assertThat(List.of(first.join(), second.join())).containsExactlyInAnyOrder(201, 200);
        assertThat(columns(name)).isEqualTo(ORDERS_TABLE);
    }

    @Test
    void shippedDatasetsExistAfterStartUp() {
        assertThat(get("/admin/datasets/webhook_events").statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(get("/admin/datasets/sales_transactions"))).containsEntry("indexes",
                List.of(List.of("sale_date"), List.of("store_code", "sku")));
        assertThat(columns("webhook_events")).contains("event_id uuid NOT NULL", "payload jsonb", "user_email text",
                "received_at timestamp with time zone NOT NULL");
        assertThat(columns("sales_transactions")).contains("unit_price numeric(12,2) NOT NULL", "amount numeric(14,2)",
                "sold_at timestamp without time zone NOT NULL", "paid boolean");
        assertThat(TestHttp.json(get("/admin/datasets/sales_transactions"))).containsEntry("subject", "customer_email")
            .containsEntry("erasure", "blank");
        assertThat(TestHttp.json(get("/admin/datasets/webhook_events"))).containsEntry("subject", "user_email")
            .containsEntry("erasure", "delete");
        assertThat(indexColumns("sales_transactions")).contains("tenant_id, customer_email, row_id");
    }

    @Test
    void aSubjectIsShownIndexedByTenantAndMayChangeOrGo() {
        HttpResponse<String> created = put(name, ORDERS.replace("\"indexes\"", "\"subject\": \"email\", \"indexes\""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(TestHttp.json(created)).containsEntry("subject", "email").containsEntry("erasure", "delete");
        assertThat(indexColumns(name)).contains("tenant_id, email, row_id");

        HttpResponse<String> byOrder = put(name,
                ORDERS.replace("\"indexes\"", "\"subject\": \"order_id\", \"indexes\""));
        assertThat(byOrder.statusCode()).as(byOrder.body()).isEqualTo(200);
        assertThat(indexColumns(name)).contains("tenant_id, order_id, row_id")
            .doesNotContain("tenant_id, email, row_id");

        HttpResponse<String> none = put(name, ORDERS);
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(none)).containsEntry("subject", null)
            .containsEntry("erasure", null)
            .containsEntry("version", 3);
        assertThat(indexColumns(name)).containsExactlyInAnyOrder("tenant_id", "upload_id",
                "tenant_id, placed_at, row_id");
    }

    @Test
    void blankingARequiredPiiColumnIsRefusedAtDeclaration() {
        HttpResponse<String> response = put(name, ORDERS.replace("\"pii\": true}", "\"pii\": true, \"required\": true}")
            .replace("\"indexes\"", "\"subject\": \"order_id\", \"erasure\": \"blank\", \"indexes\""));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("message").toString()).contains("[email] are required (NOT NULL)");
        assertThat(get("/admin/datasets/" + name).statusCode()).isEqualTo(404);
    }

    @Test
    void aShippedFileThatGainsASubjectEvolvesTheStoredDataset() {
        String shipped = "name: " + name + "\ncolumns:\n  - {name: email, type: text, pii: true}\n";
        assertThat(shippedDatasets.apply(shipped(name + ".yaml", shipped))).contains(DatasetTables.Outcome.CREATED);

        var changed = shipped(name + ".yaml", shipped + "subject: email\nerasure: blank\n");

        assertThat(shippedDatasets.apply(changed)).contains(DatasetTables.Outcome.EVOLVED);
        assertThat(TestHttp.json(get("/admin/datasets/" + name))).containsEntry("version", 2)
            .containsEntry("subject", "email")
            .containsEntry("erasure", "blank");
        assertThat(indexColumns(name)).contains("tenant_id, email, row_id");
    }

    @Test
    void shippedFileThatConflictsIsSkippedAndTheStoredDeclarationStays() {
        put(name, ORDERS);
        String shipped = "name: " + name + "\ncolumns:\n  - {name: order_id, type: uuid, required: true}\n";

        var conflicting = shipped(name + ".yaml", shipped);
        var invalid = shipped("broken.yaml", "name: [not, a, name]\n");

        assertThat(shippedDatasets.apply(conflicting)).isEmpty();
        assertThat(shippedDatasets.apply(invalid)).isEmpty();
        assertThat(columns(name)).isEqualTo(ORDERS_TABLE);
        assertThat(TestHttp.json(get("/admin/datasets/" + name))).containsEntry("version", 1);
    }

    private static ByteArrayResource shipped(String fileName, String yaml) {
        return new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        };
    }

    private HttpResponse<String> put(String dataset, String declaration) {
        return http.send(http.asAdmin("/admin/datasets/" + dataset)
            .header("Content-Type", "application/json")
            .PUT(BodyPublishers.ofString(declaration)));
    }

    private HttpResponse<String> get(String path) {
        return http.send(http.asAdmin(path).GET());
    }

    /** "name type[ NOT NULL]" in table order, as PostgreSQL describes the table. */
    private List<String> columns(String table) {
        return jdbc.query("""
                SELECT column_name, data_type, numeric_precision, numeric_scale, is_nullable
                FROM information_schema.columns WHERE table_schema = 'datasets' AND table_name = ?
                ORDER BY ordinal_position""",
                (rs, n) -> rs.getString(1)
                        + " " + (rs.getString(2).equals("numeric")
                                ? "numeric(" + rs.getInt(3) + "," + rs.getInt(4) + ")" : rs.getString(2))
                        + (rs.getString(5).equals("NO") ? " NOT NULL" : ""),
                table);
    }

    private List<String> indexColumns(String table) {
        return jdbc.queryForList("""
                SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM pg_index i
                JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace s ON s.oid = t.relnamespace
                CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                WHERE s.nspname = 'datasets' AND t.relname = ? GROUP BY i.indexrelid""", String.class, table);
    }

}
