package io.dataforge.errors;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.web.ApiParams;
import io.dataforge.platform.web.ApiResponses;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
import org.springframework.stereotype.Component;

/** {@code /admin/errors}: search and CSV export of client error reports (ADMIN only). */
@Component
class AdminErrorApiRoutes extends RouteBuilder {

    private final AdminErrorRequests requests;

    AdminErrorApiRoutes(AdminErrorRequests requests) {
        this.requests = requests;
    }

    @Override
    public void configure() {
        RestDefinition reports = rest("/admin/errors").description("Client error reports; ADMIN only")
            .tag("Admin errors");
        ApiResponses.answers(reports.get()
            .id("searchErrors")
            .security("bearerAuth")
            .security("basicAuth")
            .description("Pages of reports filtered by siteId, batchId, type, startDate, endDate (default: 30 days)")
            .produces("application/json"), 200, ErrorLog.Page.class, "A page of error reports", 400, 401, 403);
        ApiParams.paging(filters(reports)).to("direct:errors.admin.search");
        ApiResponses.answers(
                reports.get("/export")
                    .id("exportErrors")
                    .security("bearerAuth")
                    .security("basicAuth")
                    .description("The same filters as a streamed CSV download (RFC 4180)")
                    .produces("text/csv,application/json"),
                200, String.class, "The reports as a CSV file (errors as JSON)", 400, 401, 403);
        filters(reports).to("direct:errors.admin.export");

        from("direct:errors.admin.search").routeId("errors.admin.search")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(requests::search);
        from("direct:errors.admin.export").routeId("errors.admin.export")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(requests::export);
    }

    /** The admin's error filters ({@code ErrorQuery}) on the verb being defined. */
    private static RestDefinition filters(RestDefinition rest) {
        ApiParams.query(rest, "siteId", "string", "uuid", "reports of this site");
        ApiParams.query(rest, "batchId", "string", "uuid", "reports bound to this batch");
        ApiParams.query(rest, "type", "string", null, "the reported type");
        ApiParams.query(rest, "startDate", "string", null, "from (ISO date or date-time; default 30 days back)");
        return ApiParams.query(rest, "endDate", "string", null, "until (ISO date or date-time; default now)");
    }

}
