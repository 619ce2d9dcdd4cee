package io.dataforge.privacy;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.web.ApiResponses;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
import org.springframework.stereotype.Component;

/** Purges of soft-deleted accounts (ADMIN only). */
@Component
class PurgeApiRoutes extends RouteBuilder {

    private final PurgeRequests requests;

    PurgeApiRoutes(PurgeRequests requests) {
        this.requests = requests;
    }

    @Override
    public void configure() {
        RestDefinition accounts = rest("/admin/accounts/{id}")
            .description("Purges of soft-deleted accounts; ADMIN only")
            .tag("Purges");
        ApiResponses
            .answers(accounts.post("/purge")
                .id("purgeAccount")
                .security("bearerAuth")
                .security("basicAuth")
                .description("Orders the purge of a soft-deleted account: its dataset rows, uploads, batches, error"
                        + " reports, exports, files, sites, clients and the account itself. 202 while it runs"
                        + " (Location: the purge), 200 once it has; the same purge again for a second order. 409 for"
                        + " an account not deleted")
                .produces("application/json"), 202, Purge.class, "The purge, running", 401, 403, 404, 409)
            .responseMessage()
            .code(200)
            .message("The purge that already completed")
            .responseModel(Purge.class)
            .endResponseMessage()
            .to("direct:privacy.purge.order");
        ApiResponses
            .answers(accounts.get("/purge")
                .id("getAccountPurge")
                .security("bearerAuth")
                .security("basicAuth")
                .description("The account's running purge, or else its latest")
                .produces("application/json"), 200, Purge.class, "The purge", 401, 403, 404)
            .to("direct:privacy.purge.latest");
        ApiResponses
            .answers(accounts.get("/purge-preview")
                .id("previewAccountPurge")
                .security("bearerAuth")
                .security("basicAuth")
                .description("What a purge of the soft-deleted account would delete now, per kind (a dry run)")
                .produces("application/json"), 200, PurgePreview.class, "The counts", 401, 403, 404, 409)
            .to("direct:privacy.purge.preview");
        ApiResponses
            .answers(rest("/admin/purges").tag("Purges")
                .get("/{purgeId}")
                .id("getPurge")
                .security("bearerAuth")
                .security("basicAuth")
                .description("One purge: its state and what it deleted so far, per kind")
                .produces("application/json"), 200, Purge.class, "The purge", 401, 403, 404)
            .to("direct:privacy.purge.get");

        from("direct:privacy.purge.order").routeId("privacy.purge.order")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(requests::order);
        from("direct:privacy.purge.latest").routeId("privacy.purge.latest")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(requests::latest);
        from("direct:privacy.purge.preview").routeId("privacy.purge.preview")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(requests::preview);
        from("direct:privacy.purge.get").routeId("privacy.purge.get")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(requests::get);
    }

}
