package io.dataforge.batches.lifecycle;

import io.dataforge.batches.BatchStatus;
import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.web.ApiParams;
import io.dataforge.platform.web.ApiResponses;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
import org.springframework.stereotype.Component;

/** The site clients' batch contract (role SITE). */
@Component
class BatchApiRoutes extends RouteBuilder {

    private final StartBatchProcessor start;

    private final UploadBatchFilesProcessor upload;

    private final CloseBatchProcessor close;

    BatchApiRoutes(StartBatchProcessor start, UploadBatchFilesProcessor upload, CloseBatchProcessor close) {
        this.start = start;
        this.upload = upload;
        this.close = close;
    }

    @Override
    public void configure() {
        RestDefinition batches = rest("/api/v1/batch")
            .description("Batches of gzipped CSV files from sites (role SITE)")
            .tag("Batches");
        ApiResponses
            .answers(batches.post("/start")
                .id("startBatch")
                .security("bearerAuth")
                .description("Opens a batch → {batchId}; 409 while the site has one in progress")
                .produces("application/json"), 200, BatchStarted.class, "The batch opened", 401, 403, 409)
            .to("direct:batches.start");
        ApiResponses
            .answers(
                    batches.post("/{batchId}/upload")
                        .id("uploadBatchFiles")
                        .security("bearerAuth")
                        .description("multipart/form-data, parts named 'files' (gzip), streamed to S3")
                        .consumes("multipart/form-data")
                        .type(BatchUploadForm.class)
                        .produces("application/json"),
                    200, BatchFilesStored.class, "The files stored", 400, 401, 403, 404, 409, 413, 415, 503)
            .to("direct:batches.upload");
        closes(batches.post("/{batchId}/complete")
            .id("completeBatch")
            .security("bearerAuth")
            .description("IN_PROGRESS → COMPLETED")
            .produces("application/json")).to("direct:batches.complete");
        closes(batches.post("/{batchId}/complete-with-warnings")
            .id("completeBatchWithWarnings")
            .security("bearerAuth")
            .description("IN_PROGRESS → COMPLETED_WITH_WARNINGS")
            .produces("application/json")).to("direct:batches.complete-with-warnings");
        // the one close that reads a body: {reason}
        ApiResponses.answers(
                batches.post("/{batchId}/fail")
                    .id("failBatch")
                    .security("bearerAuth")
                    .description("IN_PROGRESS → FAILED, with an optional {reason}")
                    .type(FailReason.class)
                    .produces("application/json"),
                200, BatchClosed.class, "The batch closed", 400, 401, 403, 404, 409, 413);
        ApiParams.optionalBody(batches, "why the site gave the batch up").to("direct:batches.fail");
        closes(batches.post("/{batchId}/cancel")
            .id("cancelBatch")
            .security("bearerAuth")
            .description("IN_PROGRESS → CANCELLED (files stay)")
            .produces("application/json")).to("direct:batches.cancel");

        from("direct:batches.start").routeId("batches.start")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(start);
        from("direct:batches.upload").routeId("batches.upload")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(upload);
        from("direct:batches.complete").routeId("batches.complete")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(e -> close.close(e, BatchStatus.COMPLETED));
        from("direct:batches.complete-with-warnings").routeId("batches.complete-with-warnings")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(e -> close.close(e, BatchStatus.COMPLETED_WITH_WARNINGS));
        from("direct:batches.fail").routeId("batches.fail")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(e -> close.close(e, BatchStatus.FAILED));
        from("direct:batches.cancel").routeId("batches.cancel")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(e -> close.close(e, BatchStatus.CANCELLED));
    }

    /** A close without a body: only the site's own IN_PROGRESS batch changes. */
    private static RestDefinition closes(RestDefinition verb) {
        return ApiResponses.answers(verb, 200, BatchClosed.class, "The batch closed", 401, 403, 404, 409);
    }

}
