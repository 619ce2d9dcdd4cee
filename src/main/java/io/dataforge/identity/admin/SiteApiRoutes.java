package io.dataforge.identity.admin;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Sites (the stores and branches that push batches): ADMIN only. */
@Component
class SiteApiRoutes extends RouteBuilder {

    private final SiteRequests sites;

    SiteApiRoutes(SiteRequests sites) {
        this.sites = sites;
    }

    @Override
    public void configure() {
        rest("/admin").description("Sites; ADMIN only")
            .tag("Sites")
            .post("/accounts/{accountId}/sites")
            .id("createSite")
            .security("bearerAuth")
            .security("basicAuth")
            .description(
                    "Registers a site {domain, displayName}; the answer" + " holds its clientSecret, shown this once")
            .consumes("application/json")
            .produces("application/json")
            .to("direct:identity.sites.create")
            .get("/accounts/{accountId}/sites")
            .id("listSites")
            .security("bearerAuth")
            .security("basicAuth")
            .description("Lists an account's sites, paged")
            .produces("application/json")
            .to("direct:identity.sites.list")
            .get("/sites/{id}")
            .id("getSite")
            .security("bearerAuth")
            .security("basicAuth")
            .description("One site")
            .produces("application/json")
            .to("direct:identity.sites.get")
            .patch("/sites/{id}")
            .id("updateSite")
            .security("bearerAuth")
            .security("basicAuth")
            .description("Renames and/or (de)activates a site {displayName, isActive}")
            .consumes("application/json")
            .produces("application/json")
            .to("direct:identity.sites.update")
            .delete("/sites/{id}")
            .id("deleteSite")
            .security("bearerAuth")
            .security("basicAuth")
            .description("Soft-deletes a site")
            .to("direct:identity.sites.delete")
            .post("/sites/{id}/secret")
            .id("rotateSiteSecret")
            .security("bearerAuth")
            .security("basicAuth")
            .description("Rotates the site's secret; the new one is shown this once")
            .produces("application/json")
            .to("direct:identity.sites.rotate");

        from("direct:identity.sites.create").routeId("identity.sites.create")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(sites::create);
        from("direct:identity.sites.list").routeId("identity.sites.list")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(sites::list);
        from("direct:identity.sites.get").routeId("identity.sites.get")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(sites::get);
        from("direct:identity.sites.update").routeId("identity.sites.update")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(sites::update);
        from("direct:identity.sites.delete").routeId("identity.sites.delete")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(sites::delete);
        from("direct:identity.sites.rotate").routeId("identity.sites.rotate")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(sites::rotateSecret);
    }

}
