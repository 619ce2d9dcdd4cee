package io.dataforge.query;

import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The streamed answer of a query is the {@link QueryResult} the API document declares:
 * the same fields, no other.
 */
class PageBodyTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theStreamedBodyHasEveryFieldOfTheDeclaredResultAndNoOther() throws Exception {
        PageBody body = new PageBody(new JsonFactory());
        body.rows(oneRow(), List.of("id"), 0);

        byte[] written = body.finish(60L, 3, "next.cursor").body();

        List<String> fields = new ArrayList<>();
        json.readTree(written).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly(Arrays.stream(QueryResult.class.getRecordComponents())
            .map(RecordComponent::getName)
            .toArray(String[]::new));
        QueryResult result = json.readValue(written, QueryResult.class);
        assertThat(result.rows()).containsExactly(Map.of("id", 7));
        assertThat(result.totalRows()).isEqualTo(60);
        assertThat(result.executionMs()).isEqualTo(3);
        assertThat(result.etag()).startsWith("\"");
        assertThat(result.nextCursor()).isEqualTo("next.cursor");
    }

    @Test
    void noTotalAndNoNextPageAreNulls() throws Exception {
        PageBody body = new PageBody(new JsonFactory());
        body.rows(oneRow(), List.of("id"), 0);

        QueryResult result = json.readValue(body.finish(null, 1, null).body(), QueryResult.class);

        assertThat(result.totalRows()).isNull();
        assertThat(result.nextCursor()).isNull();
    }

    private static ResultSet oneRow() throws Exception {
        ResultSetMetaData meta = mock(ResultSetMetaData.class);
        when(meta.getColumnCount()).thenReturn(1);
        when(meta.getColumnTypeName(1)).thenReturn("int8");
        ResultSet rs = mock(ResultSet.class);
        when(rs.getMetaData()).thenReturn(meta);
        when(rs.next()).thenReturn(true, false);
        when(rs.getLong(1)).thenReturn(7L);
        return rs;
    }

}
