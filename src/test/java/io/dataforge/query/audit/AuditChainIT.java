package io.dataforge.query.audit;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;
import io.dataforge.identity.IdentityClient;
import io.dataforge.query.QueryClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code admin_audit} and {@code audit_log} rows are hash-chained: an admin's
 * {@code GET /admin/audit/verify} finds both chains intact, then names the row an SQL
 * {@code UPDATE} changed, and the row after one an SQL {@code DELETE} took away. Every
 * change is undone before the test ends: the ITs after this one share the database.
 */
@IntegrationTest
@SuppressWarnings("unchecked")
class AuditChainIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    IdentityClient identity;

    @BeforeEach
    void client() {
        identity = new IdentityClient(new TestHttp(port));
    }

    @Test
    void anAdminAuditRowChangedWithSqlIsNamedByTheVerification() {
        List<String> accounts = List.of(identity.createAccount("Chained A"), identity.createAccount("Chained B"),
                identity.createAccount("Chained C"));
        assertIntact("admin_audit");
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT id, seq, actor FROM admin_audit WHERE action = 'account.created' AND target_id = ?",
                accounts.get(1));
        assertThat(row.get("seq")).as("written into the chain").isNotNull();

        jdbc.update("UPDATE admin_audit SET actor = 'someone-else' WHERE id = ?", row.get("id"));
        try {
            assertBrokenAt(chain(verify(), "admin_audit"), row.get("id"), row.get("seq"), "hash mismatch");
            assertThat(chain(verify(), "audit_log")).as("the other chain").containsEntry("intact", true);
        }
        finally {
            jdbc.update("UPDATE admin_audit SET actor = ? WHERE id = ?", row.get("actor"), row.get("id"));
        }
        assertIntact("admin_audit");
    }

    @Test
    void anAdminAuditRowDeletedWithSqlIsNamedByTheRowAfterIt() {
        List<String> accounts = List.of(identity.createAccount("Chained D"), identity.createAccount("Chained E"),
                identity.createAccount("Chained F"));
        assertIntact("admin_audit");
        long seq = jdbc.queryForObject("SELECT seq FROM admin_audit WHERE action = 'account.created' AND target_id = ?",
                Long.class, accounts.get(1));

        deleteAndRestore("admin_audit", seq, () -> {
            long next = jdbc.queryForObject("SELECT id FROM admin_audit WHERE seq = ?", Long.class, seq + 1);
            assertBrokenAt(chain(verify(), "admin_audit"), next, seq + 1, "row missing before");
        });
        assertIntact("admin_audit");
    }

    @Test
    void anAuditLogRowChangedWithSqlIsNamedByTheVerification() {
        Queried queried = queries();
        assertIntact("audit_log");
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT id, seq, row_count FROM audit_log WHERE principal = ?"
                        + " AND dataset = ? AND status = 200 ORDER BY seq LIMIT 1",
                queried.principal(), queried.dataset());

        jdbc.update("UPDATE audit_log SET row_count = row_count + 1 WHERE id = ? AND seq = ?", row.get("id"),
                row.get("seq"));
        try {
            assertBrokenAt(chain(verify(), "audit_log"), row.get("id"), row.get("seq"), "hash mismatch");
            assertThat(chain(verify(), "admin_audit")).as("the other chain").containsEntry("intact", true);
        }
        finally {
            jdbc.update("UPDATE audit_log SET row_count = ? WHERE id = ? AND seq = ?", row.get("row_count"),
                    row.get("id"), row.get("seq"));
        }
        assertIntact("audit_log");
    }

    @Test
    void anAuditLogRowDeletedWithSqlIsNamedByTheRowAfterIt() {
        Queried queried = queries();
        assertIntact("audit_log");
        List<Long> seqs = jdbc.queryForList("SELECT seq FROM audit_log WHERE principal = ? ORDER BY seq", Long.class,
                queried.principal());
        long seq = seqs.get(1);

        deleteAndRestore("audit_log", seq, () -> {
            long next = jdbc.queryForObject("SELECT id FROM audit_log WHERE seq = ?", Long.class, seq + 1);
            assertBrokenAt(chain(verify(), "audit_log"), next, seq + 1, "row missing before");
        });
        assertIntact("audit_log");
    }

    @Test
    void onlyAdminsVerify() {
        String account = identity.createAccount("Chained viewer");
        QueryClient viewer = new QueryClient(identity, account, "VIEWER");
        assertThat(identity.http.get("/admin/audit/verify").statusCode()).isEqualTo(401);
        assertThat(identity.withBearer("GET", "/admin/audit/verify", viewer.token).statusCode()).isEqualTo(403);
        Map<String, Object> verified = verify();
        assertThat(verified).containsKeys("chains", "intact", "verifiedAt");
        assertThat((List<Map<String, Object>>) verified.get("chains")).extracting(c -> c.get("table"))
            .containsExactly("admin_audit", "audit_log");
        Map<String, Object> chain = chain(verified, "admin_audit");
        assertThat(chain).containsKeys("rows", "firstSeq", "headSeq", "headHash", "unchained")
            .doesNotContainKey("firstBroken");
        assertThat(chain.get("headHash").toString()).hasSize(64);
        assertThat(
                jdbc.queryForObject("SELECT hash FROM admin_audit ORDER BY seq DESC NULLS LAST LIMIT 1", String.class))
            .as("the head is the last row")
            .isEqualTo(chain.get("headHash"));
    }

    /**
     * A viewer's queries: two answered (written with the rollback that ends their
     * snapshot), one refused before any snapshot (written on a connection of its own).
     */
    private Queried queries() {
        String account = identity.createAccount("Chained queries");
        QueryClient viewer = new QueryClient(identity, account, "VIEWER");
        String dataset = "chain_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        HttpResponse<String> declared = identity.http.send(identity.http.asAdmin("/admin/datasets/" + dataset)
            .header("Content-Type", "application/json")
            .PUT(BodyPublishers.ofString("{\"columns\": [{\"name\": \"id\", \"type\": \"bigint\"}]}")));
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        jdbc.update("INSERT INTO datasets." + dataset + " (tenant_id, upload_id, id)"
                + " SELECT ?::uuid, ?, g FROM generate_series(1, 5) g", account, UUID.randomUUID());
        for (int limit : new int[] { 2, 3, 4 }) {
            assertThat(viewer.rows("{\"dataset\": \"" + dataset + "\", \"page\": {\"limit\": " + limit + "}}"))
                .hasSize(limit);
        }
        assertThat(viewer.query("{\"dataset\": \"no_" + dataset + "\", \"page\": {\"limit\": 1}}"))
            .extracting(HttpResponse::statusCode)
            .isEqualTo(404);
        String principal = jdbc.queryForObject(
                "SELECT DISTINCT principal FROM audit_log WHERE dataset = ? AND tenant_id = ?::uuid", String.class,
                dataset, account);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE principal = ? AND hash IS NOT NULL",
                Long.class, principal))
            .as("every row chained, through both ways of writing it")
            .isEqualTo(4);
        return new Queried(principal, dataset);
    }

    record Queried(String principal, String dataset) {
    }

    /**
     * Deletes the row of {@code seq}, runs {@code check}, then puts the row back as it
     * was (id, seq and hash included).
     */
    private void deleteAndRestore(String table, long seq, Runnable check) {
        String saved = "it_saved_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.execute("CREATE TABLE " + saved + " AS SELECT * FROM " + table + " WHERE seq = " + seq);
        try {
            assertThat(jdbc.update("DELETE FROM " + table + " WHERE seq = ?", seq)).isEqualTo(1);
            try {
                check.run();
            }
            finally {
                // audit_log's id is GENERATED ALWAYS
                jdbc.update("INSERT INTO " + table + " OVERRIDING SYSTEM VALUE SELECT * FROM " + saved);
            }
        }
        finally {
            jdbc.execute("DROP TABLE " + saved);
        }
    }

    private static void assertBrokenAt(Map<String, Object> chain, Object id, Object seq, String reason) {
        assertThat(chain).as(chain.toString()).containsEntry("intact", false);
        Map<String, Object> broken = (Map<String, Object>) chain.get("firstBroken");
        assertThat(((Number) broken.get("id")).longValue()).as(broken.toString()).isEqualTo(((Number) id).longValue());
        assertThat(((Number) broken.get("seq")).longValue()).isEqualTo(((Number) seq).longValue());
        assertThat(broken).containsEntry("reason", reason).containsKey("at");
    }

    private void assertIntact(String table) {
        Map<String, Object> chain = chain(verify(), table);
        assertThat(chain).as(chain.toString()).containsEntry("intact", true).doesNotContainKey("firstBroken");
        assertThat(((Number) chain.get("rows")).longValue()).isPositive();
    }

    private Map<String, Object> verify() {
        HttpResponse<String> verified = identity.adminGet("/admin/audit/verify");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        return TestHttp.json(verified);
    }

    private static Map<String, Object> chain(Map<String, Object> verified, String table) {
        return ((List<Map<String, Object>>) verified.get("chains")).stream()
            .filter(chain -> table.equals(chain.get("table")))
            .findFirst()
            .orElseThrow();
    }

}
