package io.dataforge.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.platform.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class DatasetDeclarationsTest {

    static final String SALES = """
            {"allowUnknownColumns": true,
             "columns": [{"name": "transaction_id", "type": "uuid", "required": true},
                         {"name": "amount", "type": "NUMERIC( 12 , 2 )", "required": true},
                         {"name": "customer_email", "type": "text", "pii": true}],
             "indexes": [["amount"], ["customer_email", "transaction_id"]]}""";

    @Test
    void jsonDeclarationBecomesDataset() {
        Dataset dataset = DatasetDeclarations.fromJson("sales", SALES);

        assertThat(dataset.name()).isEqualTo("sales");
        assertThat(dataset.allowUnknownColumns()).isTrue();
        assertThat(dataset.columns()).containsExactly(
                new DatasetColumn("transaction_id", ColumnType.UUID, 0, 0, true, false),
                new DatasetColumn("amount", ColumnType.NUMERIC, 12, 2, true, false),
                new DatasetColumn("customer_email", ColumnType.TEXT, 0, 0, false, true));
        assertThat(dataset.columns().get(1).typeName()).isEqualTo("numeric(12,2)");
        assertThat(dataset.indexes()).containsExactly(List.of("amount"), List.of("customer_email", "transaction_id"));
    }

    @Test
    void bodyMayRepeatItsNameAndCarryTheServersFields() {
        Dataset dataset = DatasetDeclarations.fromJson("t", """
                {"name": "t", "version": 3, "createdAt": "2026-01-01T00:00:00Z", "updatedAt": null,
                 "columns": [{"name": "a", "type": "bigint"}]}""");

        assertThat(dataset.allowUnknownColumns()).isFalse();
        assertThat(dataset.indexes()).isEmpty();
        assertThat(dataset.columns()).containsExactly(new DatasetColumn("a", ColumnType.BIGINT, 0, 0, false, false));
    }

    @Test
    void everyShippedFileIsAValidDeclarationNamedLikeItsFile() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources(ShippedDatasets.LOCATION);

        assertThat(files).extracting(Resource::getFilename).contains("sales_transactions.yaml", "webhook_events.yaml");
        for (Resource file : files) {
            try (InputStream yaml = file.getInputStream()) {
                assertThat(DatasetDeclarations.fromYaml(yaml).name() + ".yaml").isEqualTo(file.getFilename());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|',
            textBlock = """
                    injection in the name   | x"; DROP TABLE accounts; --    | {"columns":[{"name":"a","type":"text"}]}  | is not allowed: use lower-case letters
                    upper case name         | Sales                         | {"columns":[{"name":"a","type":"text"}]}  | Dataset name
                    name of 64 characters   | a123456789012345678901234567890123456789012345678901234567890123 | {"columns":[{"name":"a","type":"text"}]} | is not allowed
                    other name in the body  | t | {"name":"u","columns":[{"name":"a","type":"text"}]}      | differs from the name in the path
                    malformed json          | t | {"columns":[                                             | Malformed JSON body
                    not an object           | t | [1, 2]                                                   | A JSON object body is required
                    empty body              | t | ''                                                       | A JSON object body is required
                    key given twice         | t | {"columns":[{"name":"a","type":"text"}],"columns":[]}    | Duplicate field
                    no columns              | t | {"columns":[]}                                           | columns is required
                    unknown field           | t | {"columns":[{"name":"a","type":"text"}],"colums":[]}     | colums
                    misspelt column field   | t | {"columns":[{"name":"a","type":"text","requried":true}]} | columns[0].requried
                    injection in a column   | t | {"columns":[{"name":"a\\" text); DROP TABLE accounts; --","type":"text"}]} | columns[0].name
                    reserved column         | t | {"columns":[{"name":"tenant_id","type":"uuid"}]}         | is reserved
                    duplicate column        | t | {"columns":[{"name":"a","type":"text"},{"name":"a","type":"date"}]} | is declared more than once
                    column without a type   | t | {"columns":[{"name":"a"}]}                               | columns[0].type is required
                    unknown type            | t | {"columns":[{"name":"a","type":"varchar(10)"}]}          | columns[0].type: unknown column type
                    type with sql in it     | t | {"columns":[{"name":"a","type":"text; DROP TABLE x"}]}   | unknown column type
                    plain numeric           | t | {"columns":[{"name":"a","type":"numeric"}]}              | numeric needs a precision and scale
                    numeric too precise     | t | {"columns":[{"name":"a","type":"numeric(1001,2)"}]}      | numeric needs a precision and scale
                    numeric scale above p   | t | {"columns":[{"name":"a","type":"numeric(4,5)"}]}         | numeric needs a precision and scale
                    numeric of zero digits  | t | {"columns":[{"name":"a","type":"numeric(0,0)"}]}         | numeric needs a precision and scale
                    required as text        | t | {"columns":[{"name":"a","type":"text","required":"yes"}]} | columns[0].required must be true or false
                    index of unknown column | t | {"columns":[{"name":"a","type":"text"}],"indexes":[["b"]]} | which is not a declared column
                    index of tenant_id      | t | {"columns":[{"name":"a","type":"text"}],"indexes":[["tenant_id"]]} | not a declared column
                    empty index             | t | {"columns":[{"name":"a","type":"text"}],"indexes":[[]]}   | indexes[0] must name between 1 and 8 columns
                    index not a list        | t | {"columns":[{"name":"a","type":"text"}],"indexes":["a"]}  | indexes[0] must be a list of column names
                    index repeating column  | t | {"columns":[{"name":"a","type":"text"}],"indexes":[["a","a"]]} | names a column more than once
                    index declared twice    | t | {"columns":[{"name":"a","type":"text"}],"indexes":[["a"],["a"]]} | indexes[1] repeats an index
                    subject not a column    | t | {"columns":[{"name":"a","type":"text"}],"subject":"b"}    | subject names 'b', which is not a declared column
                    subject of a date       | t | {"columns":[{"name":"a","type":"date"}],"subject":"a"}    | a subject column is text, uuid, integer or bigint
                    subject not a string    | t | {"columns":[{"name":"a","type":"text"}],"subject":7}      | subject must be a non-empty string
                    erasure without subject | t | {"columns":[{"name":"a","type":"text"}],"erasure":"delete"} | erasure applies to a dataset that declares a subject
                    unknown erasure         | t | {"columns":[{"name":"a","type":"text"}],"subject":"a","erasure":"shred"} | erasure 'shred' must be delete or blank
                    blank without pii       | t | {"columns":[{"name":"a","type":"text"}],"subject":"a","erasure":"blank"} | no column is declared pii
                    blank of a required pii | t | {"columns":[{"name":"a","type":"text"},{"name":"e","type":"text","pii":true,"required":true}],"subject":"a","erasure":"blank"} | [e] are required (NOT NULL)
                    """)
    void invalidDeclarationIsRefusedWithA400SayingWhy(String rule, String name, String body, String message) {
        assertThatThrownBy(() -> DatasetDeclarations.fromJson(name, body))
            .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
            .hasMessageContaining(message);
    }

    @Test
    void subjectAndErasureAreDeclaredWithDeleteByDefault() {
        String columns = "\"columns\": [{\"name\": \"id\", \"type\": \"bigint\"},"
                + " {\"name\": \"email\", \"type\": \"text\", \"pii\": true}]";

        Dataset blank = DatasetDeclarations.fromJson("t",
                "{" + columns + ", \"subject\": \"email\"," + " \"erasure\": \"blank\"}");
        Dataset byDefault = DatasetDeclarations.fromJson("t", "{" + columns + ", \"subject\": \"id\"}");
        Dataset none = DatasetDeclarations.fromJson("t", "{" + columns + ", \"subject\": null, \"erasure\": null}");

        assertThat(blank.subject()).isEqualTo("email");
        assertThat(blank.erasure()).isEqualTo(Erasure.BLANK);
        assertThat(byDefault.erasure()).isEqualTo(Erasure.DELETE);
        assertThat(none.subject()).isNull();
        assertThat(none.erasure()).isNull();
        assertThat(none).isEqualTo(new Dataset("t", byDefault.columns(), false, List.of()));
    }

    @Test
    void aDeclarationStoredBeforeSubjectsReadsBackAsTheSameDataset() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Dataset declared = DatasetDeclarations.fromJson("t", "{\"columns\": [{\"name\": \"a\", \"type\": \"text\"}]}");
        String stored = "{\"name\":\"t\",\"columns\":[{\"name\":\"a\",\"type\":\"TEXT\",\"precision\":0,"
                + "\"scale\":0,\"required\":false,\"pii\":false}],\"allowUnknownColumns\":false,\"indexes\":[]}";
        Dataset withSubject = new Dataset("t", declared.columns(), false, List.of(), "a", Erasure.BLANK);

        assertThat(json.readValue(stored, Dataset.class)).isEqualTo(declared);
        assertThat(json.readValue(json.writeValueAsString(withSubject), Dataset.class)).isEqualTo(withSubject);
    }

    @Test
    void shippedDatasetsDeclareTheirSubjects() throws IOException {
        Resource sales = new PathMatchingResourcePatternResolver()
            .getResource("classpath:datasets/sales_transactions.yaml");
        Resource events = new PathMatchingResourcePatternResolver()
            .getResource("classpath:datasets/webhook_events.yaml");

        try (InputStream one = sales.getInputStream(); InputStream other = events.getInputStream()) {
            Dataset salesDataset = DatasetDeclarations.fromYaml(one);
            Dataset eventsDataset = DatasetDeclarations.fromYaml(other);
            assertThat(salesDataset.subject()).isEqualTo("customer_email");
            assertThat(salesDataset.erasure()).isEqualTo(Erasure.BLANK);
            assertThat(eventsDataset.subject()).isEqualTo("user_email");
            assertThat(eventsDataset.erasure()).isEqualTo(Erasure.DELETE);
        }
    }

    @Test
    void moreThanFiveHundredColumnsAreRefused() {
        String columns = IntStream.rangeClosed(1, 501)
            .mapToObj(i -> "{\"name\":\"c" + i + "\",\"type\":\"text\"}")
            .collect(Collectors.joining(","));

        assertThatThrownBy(() -> DatasetDeclarations.fromJson("t", "{\"columns\":[" + columns + "]}"))
            .hasMessageContaining("At most 500 columns");
    }

    @Test
    void moreThanTwentyIndexesAreRefused() {
        String indexes = IntStream.rangeClosed(1, 21).mapToObj(i -> "[\"a\"]").collect(Collectors.joining(","));

        assertThatThrownBy(() -> DatasetDeclarations.fromJson("t",
                "{\"columns\":[{\"name\":\"a\",\"type\":\"text\"}],\"indexes\":[" + indexes + "]}"))
            .hasMessageContaining("at most 20");
    }

    @Test
    void yamlDeclarationNeedsAName() {
        assertThatThrownBy(() -> DatasetDeclarations.fromYaml(InputStream.nullInputStream()))
            .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> DatasetDeclarations
            .fromYaml(new java.io.ByteArrayInputStream("columns:\n  - {name: a, type: text}\n".getBytes())))
            .hasMessageContaining("name is required");
    }

}
