package io.dataforge.load;

import io.dataforge.load.staging.StageUploadProcessor;
import io.dataforge.platform.camel.ErrorHandlingRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The uploads API: CSV files for loading into datasets (upload: LOADER or ADMIN; reading:
 * the tenant's callers).
 */
@Component
class UploadApiRoutes extends RouteBuilder {

    private final StageUploadProcessor stage;

    private final UploadViews views;

    UploadApiRoutes(StageUploadProcessor stage, UploadViews views) {
        this.stage = stage;
        this.views = views;
    }

    @Override
    public void configure() {
        rest("/api/v1/uploads").description("CSV uploads loaded into datasets with COPY")
            .tag("Uploads")
            .post()
            .id("createUpload")
            .security("bearerAuth")
            .security("oauth2")
            .description("multipart/form-data: file (.csv or .csv.gz), dataset, optional callbackUrl and "
                    + "dataSourceName → 202 {uploadId, status, fileName, rowsDetected, estimatedProcessingSeconds}")
            .consumes("multipart/form-data")
            .produces("application/json")
            .to("direct:load.upload")
            .get()
            .id("listUploads")
            .security("bearerAuth")
            .security("oauth2")
            .description("The caller's uploads, newest first; query parameters status, page, size, sort")
            .produces("application/json")
            .to("direct:load.list")
            .get("/{uploadId}")
            .id("getUpload")
            .security("bearerAuth")
            .security("oauth2")
            .description("Status, progress, counts and the first 20 row errors")
            .produces("application/json")
            .to("direct:load.get")
            .get("/{uploadId}/errors")
            .id("listUploadErrors")
            .security("bearerAuth")
            .security("oauth2")
            .description("The upload's row errors, paged (page, size)")
            .produces("application/json")
            .to("direct:load.errors")
            .post("/{uploadId}/retry")
            .id("retryUpload")
            .security("bearerAuth")
            .security("oauth2")
            .description("Loads a failed upload again from its staged file → 202; 409 otherwise")
            .produces("application/json")
            .to("direct:load.retry");

        from("direct:load.upload").routeId("load.upload").routeConfigurationId(ErrorHandlingRoutes.REST).process(stage);
        from("direct:load.list").routeId("load.list")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(views::list);
        from("direct:load.get").routeId("load.get").routeConfigurationId(ErrorHandlingRoutes.REST).process(views::get);
        from("direct:load.errors").routeId("load.errors")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(views::errors);
        from("direct:load.retry").routeId("load.retry")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(views::retry);
    }

}
