package io.dataforge.export;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The exports API: ordering needs EXPORTER or ADMIN; the rest is open to the tenant's
 * callers, within the tenant.
 */
@Component
class ExportApiRoutes extends RouteBuilder {

    private final ExportViews views;

    ExportApiRoutes(ExportViews views) {
        this.views = views;
    }

    @Override
    public void configure() {
        rest("/api/v1/exports")
            .description("Exports of queries to CSV, JSON, XLSX or PDF files in S3, rendered by workers")
            .tag("Exports")
            .post()
            .id("createExport")
            .security("bearerAuth")
            .security("oauth2")
            .description("{queryDefinition, format: csv|json|ndjson|xlsx|pdf, compression?: zip|gzip} → 202"
                    + " {jobId, state} with Location; the same order from the same caller within an hour → 200 with that job")
            .consumes("application/json")
            .produces("application/json")
            .to("direct:export.submit")
            .get()
            .id("listExports")
            .security("bearerAuth")
            .security("oauth2")
            .description("The tenant's export jobs, newest first; query parameters state, page, size")
            .produces("application/json")
            .to("direct:export.list")
            .get("/{jobId}")
            .id("getExport")
            .security("bearerAuth")
            .security("oauth2")
            .description("{jobId, state, progress, rowsProcessed, downloadUrl, expiresAt, error, ...}")
            .produces("application/json")
            .to("direct:export.get")
            .get("/{jobId}/download")
            .id("downloadExport")
            .security("bearerAuth")
            .security("oauth2")
            .description("302 to a fresh presigned URL of the file; 409 when there is none")
            .to("direct:export.download")
            .delete("/{jobId}")
            .id("cancelExport")
            .security("bearerAuth")
            .security("oauth2")
            .description("Cancels a pending or running job → 202; 409 once it ended")
            .produces("application/json")
            .to("direct:export.cancel");

        from("direct:export.submit").routeId("export.submit")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(views::submit);
        from("direct:export.list").routeId("export.list")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(views::list);
        from("direct:export.get").routeId("export.get")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(views::get);
        from("direct:export.download").routeId("export.download")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(views::download);
        from("direct:export.cancel").routeId("export.cancel")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(views::cancel);
    }

}
