package io.dataforge.query;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import org.apache.camel.builder.RouteBuilder;
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
        rest("/api/v1/query").description("Queries over the caller's datasets: select, filter, groupBy, sort, page")
            .tag("Queries")
            .post()
            .id("runQuery")
            .security("bearerAuth")
            .security("oauth2")
            .description("JSON query → {rows, totalRows, executionMs, etag, nextCursor}; page.limit required (≤ 5000)")
            .consumes("application/json")
            .produces("application/json")
            .to("direct:query.run")
            .get()
            .id("runQueryWithGet")
            .security("bearerAuth")
            .security("oauth2")
            .description("The same, with the JSON query as the request body")
            .produces("application/json")
            .to("direct:query.run-get");

        from("direct:query.run").routeId("query.run").routeConfigurationId(ErrorHandlingRoutes.REST).process(run);
        from("direct:query.run-get").routeId("query.run-get")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(run);
    }

}
