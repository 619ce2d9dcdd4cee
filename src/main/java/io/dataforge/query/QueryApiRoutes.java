package io.dataforge.query;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.web.ApiResponses;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
import org.springframework.stereotype.Component;

/** The query endpoint over datasets (roles VIEWER, EXPORTER, ADMIN). */
@Component
class QueryApiRoutes extends RouteBuilder {

    private final RunQueryProcessor run;

    QueryApiRoutes(RunQueryProcessor run) {
        this.run = run;
    }

    @Override
    public void configure() {
        RestDefinition query = rest("/api/v1/query")
            .description("Queries over the caller's datasets: select, filter, groupBy, sort, page")
            .tag("Queries");
        answers(query.post()
            .id("runQuery")
            .security("bearerAuth")
            .security("oauth2")
            .description("JSON query → {rows, totalRows, executionMs, etag, nextCursor}; page.limit required (≤ 5000);"
                    + " the next page of a full one: page.after = nextCursor")
            .consumes("application/json")
            .type(QueryRequest.class)
            .produces("application/json")).to("direct:query.run");
        // a body on GET has no meaning in HTTP's eyes and many clients cannot send one:
        // documented without it, POST being the verb to use
        answers(query.get()
            .id("runQueryWithGet")
            .security("bearerAuth")
            .security("oauth2")
            .description("The same, with the JSON query (a QueryRequest) as the body of a GET; prefer POST")
            .produces("application/json")).to("direct:query.run-get");

        from("direct:query.run").routeId("query.run").routeConfigurationId(ErrorHandlingRoutes.REST).process(run);
        from("direct:query.run-get").routeId("query.run-get")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(run);
    }

    /**
     * Both verbs run the same query: the rows, 304 for a matching If-None-Match, and the
     * query's refusals (QUERY_TIMEOUT 422, QUERY_BUSY 503).
     */
    private static RestDefinition answers(RestDefinition verb) {
        return ApiResponses
            .answers(verb, 200, QueryResult.class, "The rows of the page, with an ETag", 400, 401, 403, 404, 413, 422,
                    500, 503)
            .responseMessage()
            .code(304)
            .message("Not modified: the rows still match If-None-Match")
            .endResponseMessage();
    }

}
