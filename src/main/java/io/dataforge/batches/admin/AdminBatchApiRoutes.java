package io.dataforge.batches.admin;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.web.ApiParams;
import io.dataforge.platform.web.ApiResponses;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
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
        RestDefinition batches = rest("/admin/batches").description("Batches of all sites; ADMIN only")
            .tag("Admin batches");
        ApiResponses.answers(batches.get()
            .id("listBatches")
            .security("bearerAuth")
            .security("basicAuth")
            .description("Pages of batches, filtered by siteId, accountId, status, from, to (started)")
            .produces("application/json"), 200, BatchView.Page.class, "A page of batches", 400, 401, 403);
        ApiParams.query(batches, "siteId", "string", "uuid", "batches of this site");
        ApiParams.query(batches, "accountId", "string", "uuid", "batches of this account");
        ApiParams.oneOf(batches, "status", "batches in this state", "IN_PROGRESS", "COMPLETED",
                "COMPLETED_WITH_WARNINGS", "FAILED", "CANCELLED", "NOT_COMPLETED");
        ApiParams.query(batches, "from", "string", null, "started at or after (ISO date or date-time)");
        ApiParams.query(batches, "to", "string", null, "started before (ISO date or date-time)");
        ApiParams.paging(batches).to("direct:batches.admin.list");
        ApiResponses
            .answers(batches.get("/{id}")
                .id("getBatch")
                .security("bearerAuth")
                .security("basicAuth")
                .description("One batch with its files and S3 path")
                .produces("application/json"), 200, BatchView.class, "The batch with its files", 401, 403, 404)
            .to("direct:batches.admin.get");
        ApiResponses
            .answers(
                    batches.delete("/{id}")
                        .id("deleteBatch")
                        .security("bearerAuth")
                        .security("basicAuth")
                        .description("Forgets a batch's metadata; its S3 objects stay"),
                    204, "No content", 401, 403, 404)
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
