package io.dataforge.platform.database;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.dataforge.platform.database.CellValues.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A cell as a query page writes it straight from the row, and as an export writes the value read from it. */
class CellValuesTest {

    @Test
    void jsonbIsEmbeddedAsTheJsonItHoldsWithEveryDigit() throws Exception {
        ResultSet rs = mock(ResultSet.class);
        when(rs.getString(1)).thenReturn("{\"a\": [1.50, 0.1000000000000000000001], \"b\": \"x\"}");

        assertThat(bothWays(Kind.of("jsonb"), rs)).isEqualTo("{\"a\": [1.50, 0.1000000000000000000001], \"b\": \"x\"}");
    }

    @Test
    void jsonKeepsNoLineBreakSoAnNdjsonLineStaysOneLine() throws Exception {
        ResultSet rs = mock(ResultSet.class);
        when(rs.getString(1)).thenReturn("{\r\n  \"a\": \"x\\ny\"\n}");

        assertThat(bothWays(Kind.of("json"), rs)).isEqualTo("{    \"a\": \"x\\ny\" }");
    }

    @Test
    void numericIsANumberInPlainDigitsWithItsScale() throws Exception {
        ResultSet rs = mock(ResultSet.class);
        when(rs.getBigDecimal(1)).thenReturn(new BigDecimal("0.00000010"));  // its toString() is 1.0E-7

        assertThat(bothWays(Kind.of("numeric"), rs)).isEqualTo("0.00000010");
    }

    @Test
    void timestamptzIsIsoTextInUtc() throws Exception {
        ResultSet rs = mock(ResultSet.class);
        when(rs.getObject(1, OffsetDateTime.class))
                .thenReturn(OffsetDateTime.of(2024, 2, 29, 12, 34, 56, 789_000_000, ZoneOffset.UTC));

        assertThat(bothWays(Kind.of("timestamptz"), rs)).isEqualTo("\"2024-02-29T12:34:56.789Z\"");
    }

    @Test
    void dateIsIsoText() throws Exception {
        ResultSet rs = mock(ResultSet.class);
        when(rs.getObject(1, LocalDate.class)).thenReturn(LocalDate.of(2024, 2, 29));

        assertThat(bothWays(Kind.of("date"), rs)).isEqualTo("\"2024-02-29\"");
    }

    @Test
    void aRealKeepsItsShortestDigits() throws Exception {
        ResultSet rs = mock(ResultSet.class);
        when(rs.getFloat(1)).thenReturn(0.1f);

        assertThat(bothWays(Kind.of("float4"), rs)).isEqualTo("0.1");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void sqlNullIsJsonNullOfEveryKind(Kind kind) throws Exception {
        ResultSet rs = mock(ResultSet.class);
        when(rs.wasNull()).thenReturn(true);

        assertThat(bothWays(kind, rs)).isEqualTo("null");
        assertThat(kind.read(rs, 1)).isNull();
    }

    /** The cell's JSON text, checked to be the same whether written from the row or from the value read. */
    private static String bothWays(Kind kind, ResultSet rs) throws Exception {
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
