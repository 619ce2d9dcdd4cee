package io.dataforge.batches.lifecycle;

import io.dataforge.batches.BatchStatus;
import io.dataforge.platform.camel.ErrorHandlingRoutes;
import org.apache.camel.builder.RouteBuilder;
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
        rest("/api/v1/batch").description("Batches of gzipped CSV files from sites (role SITE)")
            .tag("Batches")
            .post("/start")
            .id("startBatch")
            .security("bearerAuth")
            .description("Opens a batch → {batchId}; 409 while the site has one in progress")
            .produces("application/json")
            .to("direct:batches.start")
            .post("/{batchId}/upload")
            .id("uploadBatchFiles")
            .security("bearerAuth")
            .description("multipart/form-data, parts named 'files' (gzip), streamed to S3")
            .consumes("multipart/form-data")
            .produces("application/json")
            .to("direct:batches.upload")
            .post("/{batchId}/complete")
            .id("completeBatch")
            .security("bearerAuth")
            .description("IN_PROGRESS → COMPLETED")
            .produces("application/json")
            .to("direct:batches.complete")
            .post("/{batchId}/complete-with-warnings")
            .id("completeBatchWithWarnings")
            .security("bearerAuth")
            .description("IN_PROGRESS → COMPLETED_WITH_WARNINGS")
            .produces("application/json")
            .to("direct:batches.complete-with-warnings")
            .post("/{batchId}/fail")
            .id("failBatch")
            .security("bearerAuth")
            .description("IN_PROGRESS → FAILED, {reason}")
            .produces("application/json")
            .to("direct:batches.fail")
            .post("/{batchId}/cancel")
            .id("cancelBatch")
            .security("bearerAuth")
            .description("IN_PROGRESS → CANCELLED (files stay)")
            .produces("application/json")
            .to("direct:batches.cancel");

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

}
