package io.dataforge.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.dataforge.IntegrationTest;
import io.dataforge.platform.database.CellValues.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A PostgreSQL cell as a query page writes it straight from the row, and as an export
 * writes the value read from it: the same JSON either way, for values the real server
 * returns.
 */
@IntegrationTest
class CellValuesIT {

    @Autowired
    DataSource dataSource;

    @Test
    void jsonbIsEmbeddedAsTheJsonItHoldsWithEveryDigit() throws Exception {
        assertThat(json("'{\"b\": \"x\", \"a\": [1.50, 0.1000000000000000000001]}'::jsonb"))
            .isEqualTo("{\"a\": [1.50, 0.1000000000000000000001], \"b\": \"x\"}");
    }

    @Test
    void jsonKeepsNoLineBreakSoAnNdjsonLineStaysOneLine() throws Exception {
        assertThat(json("E'{\\r\\n  \"a\": \"x\\\\ny\"\\n}'::json")).isEqualTo("{    \"a\": \"x\\ny\" }");
    }

    @Test
    void numericIsANumberInPlainDigitsWithItsScale() throws Exception {
        assertThat(json("0.00000010::numeric")).isEqualTo("0.00000010");
    }

    @Test
    void timestamptzIsIsoTextInUtc() throws Exception {
        assertThat(json("'2024-02-29 14:34:56.789+02'::timestamptz")).isEqualTo("\"2024-02-29T12:34:56.789Z\"");
    }

    @Test
    void dateIsIsoText() throws Exception {
        assertThat(json("'2024-02-29'::date")).isEqualTo("\"2024-02-29\"");
    }

    @Test
    void aRealKeepsItsShortestDigits() throws Exception {
        assertThat(json("0.1::float4")).isEqualTo("0.1");
    }

    @Test
    void byteaIsPostgresText() throws Exception {
        assertThat(json("'\\x0102'::bytea")).isEqualTo("\"\\\\x0102\"");
    }

    @ParameterizedTest
    @CsvSource({ "int8", "float4", "float8", "numeric", "bool", "jsonb", "json", "timestamp", "timestamptz", "date",
            "text" })
    void sqlNullIsJsonNullOfEveryKind(String type) throws Exception {
        assertThat(json("NULL::" + type)).isEqualTo("null");
    }

    /**
     * The cell's JSON text, checked to be the same whether written from the row or from
     * the value read.
     */
    private String json(String expression) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT " + expression)) {
            rs.next();
            Kind kind = Kind.of(rs.getMetaData().getColumnTypeName(1));
            StringWriter direct = new StringWriter();
            try (JsonGenerator out = new JsonFactory().createGenerator(direct)) {
                kind.write(rs, 1, out);
            }
            StringWriter read = new StringWriter();
            try (JsonGenerator out = new JsonFactory().createGenerator(read)) {
                CellValues.write(out, kind.read(rs, 1));
            }
            assertThat(read.toString()).isEqualTo(direct.toString());
            return direct.toString();
        }
    }

}
