package io.dataforge.batches.admin;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code /admin/batches}: every site's batches (ADMIN only). */
@Component
class AdminBatchApiRoutes extends RouteBuilder {

    private final AdminBatchRequests requests;

    AdminBatchApiRoutes(AdminBatchRequests requests) {
        this.requests = requests;
    }

    @Override
    public void configure() {
        rest("/admin/batches").description("Batches of all sites; ADMIN only")
            .tag("Admin batches")
            .get()
            .id("listBatches")
            .security("bearerAuth")
            .security("basicAuth")
            .description("Pages of batches, filtered by siteId, accountId, status, from, to (started)")
            .produces("application/json")
            .to("direct:batches.admin.list")
            .get("/{id}")
            .id("getBatch")
            .security("bearerAuth")
            .security("basicAuth")
            .description("One batch with its files and S3 path")
            .produces("application/json")
            .to("direct:batches.admin.get")
            .delete("/{id}")
            .id("deleteBatch")
            .security("bearerAuth")
            .security("basicAuth")
            .description("Forgets a batch's metadata; its S3 objects stay")
            .to("direct:batches.admin.delete");

        from("direct:batches.admin.list").routeId("batches.admin.list")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(requests::list);
        from("direct:batches.admin.get").routeId("batches.admin.get")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(requests::get);
        from("direct:batches.admin.delete").routeId("batches.admin.delete")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(requests::delete);
    }

}
