package io.dataforge.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.dataforge.platform.web.ApiException;
import org.junit.jupiter.api.Test;

class DatasetEvolutionTest {

    static final DatasetColumn ID = new DatasetColumn("id", ColumnType.UUID, 0, 0, true, false);
    static final DatasetColumn AMOUNT = new DatasetColumn("amount", ColumnType.NUMERIC, 12, 2, true, false);
    static final DatasetColumn EMAIL = new DatasetColumn("email", ColumnType.TEXT, 0, 0, false, false);
    static final Dataset STORED = new Dataset("sales", List.of(ID, AMOUNT, EMAIL), false, List.of(List.of("email")));

    @Test
    void nullableColumnsAreAddedAndNotNullDroppedAndIndexesFollowTheDeclaration() {
        DatasetColumn note = new DatasetColumn("note", ColumnType.TEXT, 0, 0, false, false);
        Dataset wanted = new Dataset("sales", List.of(ID, optional(AMOUNT), pii(EMAIL), note), true,
                List.of(List.of("note")));

        List<String> ddl = DatasetEvolution.steps(STORED, wanted);

        assertThat(ddl).containsExactly(DatasetDdl.dropNotNull(STORED, AMOUNT), DatasetDdl.addColumn(STORED, note),
                DatasetDdl.dropIndex(STORED, List.of("email")), DatasetDdl.createIndex(STORED, List.of("note")));
    }

    @Test
    void declaringChangingAndRemovingTheSubjectReindexes() {
        Dataset byEmail = withSubject(STORED, "email");
        Dataset byId = withSubject(STORED, "id");

        assertThat(DatasetEvolution.steps(STORED, byEmail))
            .containsExactly(DatasetDdl.createSubjectIndex(STORED, "email"));
        assertThat(DatasetEvolution.steps(byEmail, byId)).containsExactly(DatasetDdl.dropSubjectIndex(STORED, "email"),
                DatasetDdl.createSubjectIndex(STORED, "id"));
        assertThat(DatasetEvolution.steps(byId, STORED)).containsExactly(DatasetDdl.dropSubjectIndex(STORED, "id"));
        assertThat(DatasetEvolution.steps(byEmail,
                new Dataset("sales", STORED.columns(), false, STORED.indexes(), "email", Erasure.BLANK)))
            .as("erasure alone changes no table")
            .isEmpty();
    }

    @Test
    void aSubjectOnANewColumnIsIndexedAfterTheColumnIsAdded() {
        DatasetColumn customer = new DatasetColumn("customer", ColumnType.BIGINT, 0, 0, false, false);
        Dataset wanted = new Dataset("sales", List.of(ID, AMOUNT, EMAIL, customer), false, STORED.indexes(), "customer",
                null);

        assertThat(DatasetEvolution.steps(STORED, wanted)).containsExactly(DatasetDdl.addColumn(STORED, customer),
                DatasetDdl.createSubjectIndex(STORED, "customer"));
    }

    private static Dataset withSubject(Dataset dataset, String subject) {
        return new Dataset(dataset.name(), dataset.columns(), dataset.allowUnknownColumns(), dataset.indexes(), subject,
                null);
    }

    @Test
    void flagsAndColumnOrderAloneChangeNoTable() {
        Dataset wanted = new Dataset("sales", List.of(pii(EMAIL), AMOUNT, ID), true, List.of(List.of("email")));

        assertThat(DatasetEvolution.steps(STORED, wanted)).isEmpty();
    }

    @Test
    void unsafeChangesAreAllListedInOneConflict() {
        DatasetColumn retyped = new DatasetColumn("amount", ColumnType.NUMERIC, 14, 2, true, false);
        DatasetColumn required = new DatasetColumn("email", ColumnType.TEXT, 0, 0, true, false);
        DatasetColumn newRequired = new DatasetColumn("store", ColumnType.TEXT, 0, 0, true, false);
        Dataset wanted = new Dataset("sales", List.of(retyped, required, newRequired), false, List.of());

        assertThatThrownBy(() -> DatasetEvolution.steps(STORED, wanted)).isInstanceOfSatisfying(ApiException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("DATASET_CONFLICT");
                    assertThat(e.details()).isEqualTo(Map.of("conflicts",
                            List.of("column 'id' cannot be removed",
                                    "column 'amount' cannot change type from numeric(12,2) to numeric(14,2)",
                                    "column 'email' cannot become required: loaded rows may have no value",
                                    "new column 'store' cannot be required: loaded rows have no value")));
                });
    }

    @Test
    void typeChangeIsAConflict() {
        Dataset wanted = new Dataset("sales",
                List.of(ID, AMOUNT, new DatasetColumn("email", ColumnType.JSONB, 0, 0, false, false)), false,
                List.of());

        assertThatThrownBy(() -> DatasetEvolution.steps(STORED, wanted))
            .hasMessageContaining("column 'email' cannot change type from text to jsonb");
    }

    private static DatasetColumn optional(DatasetColumn c) {
        return new DatasetColumn(c.name(), c.type(), c.precision(), c.scale(), false, c.pii());
    }

    private static DatasetColumn pii(DatasetColumn c) {
        return new DatasetColumn(c.name(), c.type(), c.precision(), c.scale(), c.required(), true);
    }

}
