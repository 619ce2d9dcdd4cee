package io.dataforge.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.JsonBodies;
import io.dataforge.query.sql.QueryParser;
import io.dataforge.query.sql.QuerySpec;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A query's JSON bound to its record and read by the parser, as the query API does. */
class QueryRequestTest {

    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();

    @Test
    void aSelectItemGivenAsTextIsTheObjectItStandsFor() {
        QuerySpec text = parse("{\"dataset\": \"d\", \"select\": [\"store\", \"COUNT(*)\", \" sum(Amount) \"],"
                + " \"page\": {\"limit\": 5}}");
        QuerySpec objects = parse("{\"dataset\": \"d\", \"select\": [{\"column\": \"store\"}, {\"fn\": \"count\"},"
                + " {\"fn\": \"sum\", \"column\": \"amount\"}], \"page\": {\"limit\": 5}}");

        assertThat(text).isEqualTo(objects);
    }

    @Test
    void anExportsStoredQueryReadsBackAsTheSameQuery() throws Exception {
        String ordered = "{\"dataset\": \"d\", \"select\": [\"id\", \"count(*)\"], \"filter\": {\"or\": ["
                + "{\"column\": \"a\", \"op\": \"between\", \"value\": [\"10.00\", 20]}, {\"not\": {\"column\": \"b\","
                + " \"op\": \"isNull\"}}]}, \"sort\": [{\"column\": \"id\", \"direction\": \"desc\"}],"
                + " \"page\": {\"offset\": 10}, \"includeTotal\": false}";
        QueryRequest request = JsonBodies.read(exchange(ordered), QueryRequest.class);
        ObjectMapper json = new ObjectMapper();

        QueryRequest stored = json.readValue(json.writeValueAsString(request), QueryRequest.class);

        assertThat(QueryParser.parseExport(stored, 1000)).isEqualTo(QueryParser.parseExport(request, 1000));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|',
            textBlock = """
                    the query | {"dataset": "d", "page": {"limit": 5}, "colour": 1}                                | unknown key 'colour' in the query
                    the page  | {"dataset": "d", "page": {"limit": 5, "size": 1}}                                  | unknown key 'size' in page.
                    an item   | {"dataset": "d", "select": [{"column": "a", "as": "b"}], "page": {"limit": 5}}     | unknown key 'as' in select item
                    a filter  | {"dataset": "d", "filter": {"and": [], "column": "a"}, "page": {"limit": 5}}       | unknown key 'column' in filter
                    a condition | {"dataset": "d", "filter": {"column": "a", "op": "=", "value": 1, "x": 2}, "page": {"limit": 5}} | unknown key 'x' in condition
                    a sort key | {"dataset": "d", "sort": [{"column": "a", "order": "desc"}], "page": {"limit": 5}} | unknown key 'order' in sort key
                    """)
    void aKeyTheQueryDoesNotHaveIsRefused(String where, String query, String message) {
        assertThatThrownBy(() -> parse(query))
            .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
            .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|',
            textBlock = """
                    no page          | {"dataset": "d"}                                      | page (with a limit of at most 5000) must be a JSON object
                    no dataset       | {"page": {"limit": 5}}                                | dataset must be a non-empty string
                    a limit too high | {"dataset": "d", "page": {"limit": 5001}}             | page.limit must be 1 to 5000: unbounded queries are refused
                    a fraction       | {"dataset": "d", "page": {"limit": 5.5}}              | page.limit has the wrong type
                    text for a limit | {"dataset": "d", "page": {"limit": "5"}}              | page.limit has the wrong type
                    a cursor and an offset | {"dataset": "d", "page": {"limit": 5, "offset": 5, "after": "c"}} | page.offset must be 0 to 10,000,000, and not given together with page.after
                    """)
    void aQueryWithoutABoundedPageIsRefused(String rule, String query, String message) {
        assertThatThrownBy(() -> parse(query)).isInstanceOf(ApiException.class).hasMessage(message);
    }

    private static QuerySpec parse(String json) {
        return QueryParser.parse(JsonBodies.read(exchange(json), QueryRequest.class));
    }

    private static Exchange exchange(String body) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getMessage().setBody(body);
        return exchange;
    }

}
