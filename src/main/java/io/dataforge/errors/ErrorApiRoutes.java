package io.dataforge.errors;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.web.ApiResponses;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
import org.springframework.stereotype.Component;

/** Error reports from site clients (role SITE). */
@Component
class ErrorApiRoutes extends RouteBuilder {

    private final ReportErrorProcessor report;

    ErrorApiRoutes(ReportErrorProcessor report) {
        this.report = report;
    }

    @Override
    public void configure() {
        RestDefinition reports = rest("/api/v1/error").description("Client error reports (role SITE)").tag("Errors");
        ApiResponses
            .answers(reports.post()
                .id("reportError")
                .security("bearerAuth")
                .description("A standalone report {type, title, message, stackTrace, clientVersion, metadata} → 204")
                .consumes("application/json")
                .type(ErrorReport.class), 204, "No content", 400, 401, 403, 413)
            .to("direct:errors.report");
        ApiResponses
            .answers(reports.post("/{batchId}")
                .id("reportBatchError")
                .security("bearerAuth")
                .description("A report bound to a batch; marks the batch hasErrors → 204")
                .consumes("application/json")
                .type(ErrorReport.class), 204, "No content", 400, 401, 403, 404, 413)
            .to("direct:errors.report-for-batch");

        from("direct:errors.report").routeId("errors.report")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(report);
        from("direct:errors.report-for-batch").routeId("errors.report-for-batch")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(report);
    }

}
