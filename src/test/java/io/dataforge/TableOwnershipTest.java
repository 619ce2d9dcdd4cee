package io.dataforge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every table belongs to one capability, and only that capability's code names it in SQL;
 * another capability asks the owner through its Java API. Tables come from the Flyway
 * migrations, SQL from the main sources and YAML routes.
 */
class TableOwnershipTest {

    static final Map<String, String> OWNERS = Map.ofEntries(Map.entry("accounts", "identity"),
            Map.entry("sites", "identity"), Map.entry("api_clients", "identity"), Map.entry("admin_users", "identity"),
            Map.entry("admin_audit", "identity"), Map.entry("admin_audit_chain", "identity"),
            Map.entry("login_failures", "identity"), Map.entry("identity_keys", "identity"),
            Map.entry("token_keys", "identity"), Map.entry("batches", "batches"), Map.entry("batch_files", "batches"),
            Map.entry("error_logs", "errors"), Map.entry("watch_progress", "watch"),
            Map.entry("dataset_definitions", "datasets"), Map.entry("uploads", "load"),
            Map.entry("load_row_errors", "load"), Map.entry("load_rules", "load"), Map.entry("webhook_secrets", "load"),
            Map.entry("rate_limit_buckets", "load"), Map.entry("audit_log", "query"),
            Map.entry("audit_log_default", "query"), Map.entry("audit_log_chain", "query"),
            Map.entry("export_jobs", "export"), Map.entry("dead_letters", "platform"), Map.entry("purges", "privacy"));

    private static final Pattern CREATE_TABLE = Pattern
        .compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");

    // a table after an SQL keyword (our SQL spells them in capitals, prose does not), or
    // as a whole string literal
    // (Bucket4j's table("..."), the partition helpers)
    private static final Pattern REFERENCE = Pattern.compile(
            "\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|TRUNCATE|EXISTS)\\s+(?:ONLY\\s+)?([a-z_][a-z0-9_]*)|\"([a-z_][a-z0-9_]*)\"");

    private static final Pattern COMMENT = Pattern.compile("/\\*(?s:.*?)\\*/|(?m)^\\s*//.*$|(?m)^\\s*#.*$");

    record Reference(String module, String source, String table) {
    }

    @Test
    void everyTableHasAnOwner() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path migration : migrations.toList()) {
                Matcher created = CREATE_TABLE.matcher(Files.readString(migration));
                while (created.find()) {
                    tables.add(created.group(1).toLowerCase());
                }
            }
        }
        assertThat(tables).isNotEmpty();
        assertThat(OWNERS.keySet()).containsAll(tables);
    }

    @Test
    void capabilitiesNameOnlyTheirOwnTablesInSql() throws IOException {
        List<Reference> references = new ArrayList<>();
        scan(Path.of("src/main/java/io/dataforge"), references);
        scan(Path.of("src/main/resources/routes"), references);

        assertThat(references).filteredOn(r -> !OWNERS.get(r.table()).equals(r.module()))
            .as("SQL naming another capability's table")
            .isEmpty();
        // the scan sees real SQL: each owner names its tables (partitions are made by
        // their parent's migration)
        assertThat(references).extracting(Reference::table)
            .containsAll(OWNERS.keySet().stream().filter(t -> !t.endsWith("_default")).toList());
    }

    @Test
    void anotherCapabilitysTableIsCaught() {
        assertThat(references("load", "X.java", "jdbc.query(\"SELECT id FROM batch_files WHERE batch_id = ?\")"))
            .containsExactly(new Reference("load", "X.java", "batch_files"));
        assertThat(references("load", "X.java", "jdbc.update(\"UPDATE accounts SET x = 1\"); table(\"sites\")"))
            .extracting(Reference::table)
            .containsExactly("accounts", "sites");
        assertThat(references("errors", "X.java", "/** UPDATE batches */\n  // UPDATE batches\n\"Reports from sites\""))
            .isEmpty();
        assertThat(references("errors", "X.java",
                "/* a note */ x();\n  // a note\n  jdbc.update(\"UPDATE batches SET x = 1\")"))
            .as("code after a comment is still read")
            .extracting(Reference::table)
            .containsExactly("batches");
    }

    private static void scan(Path root, List<Reference> references) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String module = root.relativize(file).getName(0).toString();
                try {
                    references.addAll(references(module, root.relativize(file).toString(), Files.readString(file)));
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static List<Reference> references(String module, String source, String text) {
        List<Reference> found = new ArrayList<>();
        Matcher names = REFERENCE.matcher(COMMENT.matcher(text).replaceAll(""));
        while (names.find()) {
            String table = (names.group(1) != null ? names.group(1) : names.group(2)).toLowerCase();
            if (OWNERS.containsKey(table)) {
                found.add(new Reference(module, source, table));
            }
        }
        return found;
    }

}
