package io.dataforge.export;

import java.util.Arrays;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.web.ApiParams;
import io.dataforge.platform.web.ApiResponses;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
import org.springframework.stereotype.Component;

/**
 * The exports API: ordering needs EXPORTER or ADMIN; the rest is open to the tenant's
 * callers, within the tenant.
 */
@Component
class ExportApiRoutes extends RouteBuilder {

    private final ExportJobRequests requests;

    ExportApiRoutes(ExportJobRequests requests) {
        this.requests = requests;
    }

    @Override
    public void configure() {
        RestDefinition exports = rest("/api/v1/exports")
            .description("Exports of queries to CSV, JSON, XLSX or PDF files in S3, rendered by workers")
            .tag("Exports");
        ApiResponses.answers(exports.post()
            .id("createExport")
            .security("bearerAuth")
            .security("oauth2")
            .description("{queryDefinition, format: csv|json|ndjson|xlsx|pdf, compression?: zip|gzip} → 202"
                    + " {jobId, state} with Location; the same order from the same caller within an hour → 200 with that job")
            .consumes("application/json")
            .type(ExportRequest.class)
            .produces("application/json"), 202, ExportAccepted.class, "The export job ordered", 400, 401, 403, 404, 413)
            .responseMessage()
            .code(200)
            .message("The job the same order from the same caller made within the hour")
            .responseModel(ExportAccepted.class)
            .endResponseMessage()
            .to("direct:export.submit");
        ApiResponses.answers(
                exports.get()
                    .id("listExports")
                    .security("bearerAuth")
                    .security("oauth2")
                    .description("The tenant's export jobs, newest first; query parameters state, page, size")
                    .produces("application/json"),
                200, ExportJobView.Page.class, "A page of export jobs", 400, 401, 403);
        ApiParams.oneOf(exports, "state", "only jobs in this state",
                Arrays.stream(ExportState.values()).map(Enum::name).toArray(String[]::new));
        ApiParams.query(exports, "tenantId", "string", "uuid", "admins: the tenant whose jobs to list");
        ApiParams.paging(exports).to("direct:export.list");
        ApiResponses
            .answers(exports.get("/{jobId}")
                .id("getExport")
                .security("bearerAuth")
                .security("oauth2")
                .description("{jobId, state, progress, rowsProcessed, downloadUrl, expiresAt, error, ...}")
                .produces("application/json"), 200, ExportJobView.class, "The export job", 401, 404)
            .to("direct:export.get");
        ApiResponses
            .redirects(
                    exports.get("/{jobId}/download")
                        .id("downloadExport")
                        .security("bearerAuth")
                        .security("oauth2")
                        .description("302 to a fresh presigned URL of the file; 409 when there is none"),
                    "a presigned GET of the file in storage, valid for the download TTL", 401, 404, 409)
            .to("direct:export.download");
        ApiResponses
            .answers(
                    exports.delete("/{jobId}")
                        .id("cancelExport")
                        .security("bearerAuth")
                        .security("oauth2")
                        .description("Cancels a pending or running job → 202; 409 once it ended")
                        .produces("application/json"),
                    202, ExportJobView.class, "The export job, its cancellation requested", 401, 404, 409)
            .to("direct:export.cancel");

        from("direct:export.submit").routeId("export.submit")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(requests::submit);
        from("direct:export.list").routeId("export.list")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(requests::list);
        from("direct:export.get").routeId("export.get")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(requests::get);
        from("direct:export.download").routeId("export.download")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(requests::download);
        from("direct:export.cancel").routeId("export.cancel")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(requests::cancel);
    }

}
