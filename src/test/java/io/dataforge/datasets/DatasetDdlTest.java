package io.dataforge.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DatasetDdlTest {

    static final Dataset SALES = new Dataset("sales",
            List.of(new DatasetColumn("id", ColumnType.UUID, 0, 0, true, false),
                    new DatasetColumn("amount", ColumnType.NUMERIC, 12, 2, false, false),
                    new DatasetColumn("sold_at", ColumnType.TIMESTAMPTZ, 0, 0, true, false)),
            false, List.of(List.of("sold_at", "id")));

    @Test
    void tableHasTenantAndUploadColumnsThenTheDeclaredOnes() {
        List<String> ddl = DatasetDdl.create(SALES);

        assertThat(ddl).hasSize(4);
        assertThat(ddl.get(0)).isEqualTo(
                "CREATE TABLE \"datasets\".\"sales\" (row_id bigint GENERATED ALWAYS AS IDENTITY, tenant_id uuid NOT NULL,"
                        + " upload_id uuid NOT NULL, \"id\" uuid NOT NULL, \"amount\" numeric(12,2),"
                        + " \"sold_at\" timestamptz NOT NULL)");
        assertThat(ddl.get(1))
            .matches("CREATE INDEX \"sales_tenant_id_[0-9a-f]{8}\" ON \"datasets\".\"sales\"" + " \\(\"tenant_id\"\\)");
        assertThat(ddl.get(2))
            .matches("CREATE INDEX \"sales_upload_id_[0-9a-f]{8}\" ON \"datasets\".\"sales\"" + " \\(\"upload_id\"\\)");
        assertThat(ddl.get(3)).matches("CREATE INDEX \"sales_sold_at_id_[0-9a-f]{8}\" ON \"datasets\".\"sales\""
                + " \\(\"tenant_id\", \"sold_at\", \"id\", \"row_id\"\\)");
    }

    @Test
    void aSubjectIsIndexedByTenantAndValueApartFromADeclaredIndexOfTheSameColumn() {
        Dataset bySubject = new Dataset("sales", SALES.columns(), false, List.of(List.of("id")), "id", null);

        List<String> ddl = DatasetDdl.create(bySubject);

        assertThat(ddl).hasSize(5);
        assertThat(ddl.get(4)).matches("CREATE INDEX \"sales_subject_id_[0-9a-f]{8}\" ON \"datasets\".\"sales\""
                + " \\(\"tenant_id\", \"id\", \"row_id\"\\)");
        assertThat(DatasetDdl.subjectIndexName("sales", "id"))
            .isNotEqualTo(DatasetDdl.indexName("sales", List.of("id")))
            .isNotEqualTo(DatasetDdl.indexName("sales", List.of("subject", "id")));
        assertThat(DatasetDdl.dropSubjectIndex(bySubject, "id"))
            .isEqualTo("DROP INDEX IF EXISTS \"datasets\".\"" + DatasetDdl.subjectIndexName("sales", "id") + "\"");
    }

    @Test
    void changesNameOnlyQuotedIdentifiers() {
        DatasetColumn note = new DatasetColumn("note", ColumnType.TEXT, 0, 0, false, false);

        assertThat(DatasetDdl.addColumn(SALES, note))
            .isEqualTo("ALTER TABLE \"datasets\".\"sales\" ADD COLUMN \"note\" text");
        assertThat(DatasetDdl.dropNotNull(SALES, SALES.columns().get(0)))
            .isEqualTo("ALTER TABLE \"datasets\".\"sales\" ALTER COLUMN \"id\" DROP NOT NULL");
        assertThat(DatasetDdl.dropIndex(SALES, List.of("sold_at", "id")))
            .isEqualTo("DROP INDEX IF EXISTS \"datasets\".\"" + DatasetDdl.indexName("sales", List.of("sold_at", "id"))
                    + "\"");
    }

    @Test
    void indexNamesOfLongTablesAreValidIdentifiersThatStayApart() {
        String table = "a".repeat(63);
        List<String> first = List.of("c".repeat(63), "d".repeat(63));
        List<String> second = List.of("c".repeat(63), "e".repeat(63));

        String one = DatasetDdl.indexName(table, first);

        assertThat(one).hasSize(63)
            .startsWith("a".repeat(54))
            .satisfies(name -> assertThat(Identifiers.isValid(name)).isTrue());
        assertThat(DatasetDdl.indexName(table, first)).isEqualTo(one);
        assertThat(DatasetDdl.indexName(table, second)).isNotEqualTo(one);
    }

    @Test
    void indexNamesStayApartWhereUnderscoresMakeThemLookAlike() {
        assertThat(DatasetDdl.indexName("a_b", List.of("c"))).isNotEqualTo(DatasetDdl.indexName("a", List.of("b_c")));
        assertThat(DatasetDdl.indexName("a", List.of("b", "c")))
            .isNotEqualTo(DatasetDdl.indexName("a", List.of("b_c")));
    }

}
