package io.dataforge.load;

import io.dataforge.load.staging.StageUploadProcessor;
import io.dataforge.load.staging.UploadAccepted;
import io.dataforge.load.staging.UploadForm;
import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.web.ApiParams;
import io.dataforge.platform.web.ApiResponses;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
import org.springframework.stereotype.Component;

/**
 * The uploads API: CSV files for loading into datasets (upload: LOADER or ADMIN; reading:
 * the tenant's callers).
 */
@Component
class UploadApiRoutes extends RouteBuilder {

    private final StageUploadProcessor stage;

    private final UploadRequests requests;

    UploadApiRoutes(StageUploadProcessor stage, UploadRequests requests) {
        this.stage = stage;
        this.requests = requests;
    }

    @Override
    public void configure() {
        RestDefinition uploads = rest("/api/v1/uploads").description("CSV uploads loaded into datasets with COPY")
            .tag("Uploads");
        ApiResponses
            .answers(
                    uploads.post()
                        .id("createUpload")
                        .security("bearerAuth")
                        .security("oauth2")
                        .description("multipart/form-data: file (.csv or .csv.gz), dataset, optional callbackUrl and "
                                + "dataSourceName; the file streams to staging")
                        .consumes("multipart/form-data")
                        .type(UploadForm.class)
                        .produces("application/json"),
                    202, UploadAccepted.class, "The upload, staged and queued for loading", 400, 401, 403, 404, 413,
                    415, 429, 503)
            .to("direct:load.upload");
        ApiResponses.answers(uploads.get()
            .id("listUploads")
            .security("bearerAuth")
            .security("oauth2")
            .description("The caller's uploads, newest first; query parameters status, page, size, sort")
            .produces("application/json"), 200, UploadView.Page.class, "A page of uploads", 400, 401, 404);
        ApiParams.oneOf(uploads, "status", "only uploads in this state", "uploaded", "processing", "completed",
                "failed");
        ApiParams.query(uploads, "accountId", "string", "uuid", "admins without an account: the tenant");
        ApiParams.paging(uploads).to("direct:load.list");
        ApiResponses
            .answers(
                    uploads.get("/{uploadId}")
                        .id("getUpload")
                        .security("bearerAuth")
                        .security("oauth2")
                        .description("Status, progress, counts and the first 20 row errors")
                        .produces("application/json"),
                    200, UploadView.class, "The upload with its first row errors", 400, 401, 404)
            .to("direct:load.get");
        ApiResponses.answers(
                uploads.get("/{uploadId}/errors")
                    .id("listUploadErrors")
                    .security("bearerAuth")
                    .security("oauth2")
                    .description("The upload's row errors, paged (page, size)")
                    .produces("application/json"),
                200, UploadView.ErrorPage.class, "A page of the upload's row errors", 400, 401, 404);
        ApiParams.query(uploads, "accountId", "string", "uuid", "admins without an account: the tenant");
        ApiParams.paging(uploads).to("direct:load.errors");
        ApiResponses
            .answers(
                    uploads.post("/{uploadId}/retry")
                        .id("retryUpload")
                        .security("bearerAuth")
                        .security("oauth2")
                        .description("Loads a failed upload again from its staged file → 202; 409 otherwise")
                        .produces("application/json"),
                    202, UploadAccepted.class, "The upload, queued for loading again", 400, 401, 403, 404, 409)
            .to("direct:load.retry");

        from("direct:load.upload").routeId("load.upload").routeConfigurationId(ErrorHandlingRoutes.REST).process(stage);
        from("direct:load.list").routeId("load.list")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(requests::list);
        from("direct:load.get").routeId("load.get")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(requests::get);
        from("direct:load.errors").routeId("load.errors")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(requests::errors);
        from("direct:load.retry").routeId("load.retry")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(requests::retry);
    }

}
