package io.dataforge.errors;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import org.apache.camel.builder.RouteBuilder;
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
        rest("/api/v1/error").description("Client error reports (role SITE)")
            .tag("Errors")
            .post()
            .id("reportError")
            .security("bearerAuth")
            .description("A standalone report {type, title, message, stackTrace, clientVersion, metadata} → 204")
            .consumes("application/json")
            .to("direct:errors.report")
            .post("/{batchId}")
            .id("reportBatchError")
            .security("bearerAuth")
            .description("A report bound to a batch; marks the batch hasErrors → 204")
            .consumes("application/json")
            .to("direct:errors.report-for-batch");

        from("direct:errors.report").routeId("errors.report")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(report);
        from("direct:errors.report-for-batch").routeId("errors.report-for-batch")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(report);
    }

}
