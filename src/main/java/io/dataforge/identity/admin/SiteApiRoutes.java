package io.dataforge.identity.admin;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.web.ApiParams;
import io.dataforge.platform.web.ApiResponses;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
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
        RestDefinition siteApi = rest("/admin").description("Sites; ADMIN only").tag("Sites");
        ApiResponses
            .answers(
                    siteApi.post("/accounts/{accountId}/sites")
                        .id("createSite")
                        .security("bearerAuth")
                        .security("basicAuth")
                        .description("Registers a site {domain, displayName}; the answer"
                                + " holds its clientSecret, shown this once")
                        .consumes("application/json")
                        .type(NewSite.class)
                        .produces("application/json"),
                    201, CreatedSite.class, "The site created, with its secret", 400, 401, 403, 404, 409, 413)
            .to("direct:identity.sites.create");
        ApiResponses.answers(siteApi.get("/accounts/{accountId}/sites")
            .id("listSites")
            .security("bearerAuth")
            .security("basicAuth")
            .description(
                    "Lists an account's sites, paged, sorted (createdAt, domain, displayName; oldest first by default)")
            .produces("application/json"), 200, Site.Page.class, "A page of the account's sites", 400, 401, 403, 404);
        ApiParams.paging(siteApi).to("direct:identity.sites.list");
        ApiResponses
            .answers(siteApi.get("/sites/{id}")
                .id("getSite")
                .security("bearerAuth")
                .security("basicAuth")
                .description("One site")
                .produces("application/json"), 200, Site.class, "The site", 401, 403, 404)
            .to("direct:identity.sites.get");
        ApiResponses
            .answers(siteApi.patch("/sites/{id}")
                .id("updateSite")
                .security("bearerAuth")
                .security("basicAuth")
                .description("Renames and/or (de)activates a site {displayName, isActive}")
                .consumes("application/json")
                .type(SiteUpdate.class)
                .produces("application/json"), 200, Site.class, "The site as updated", 400, 401, 403, 404, 413)
            .to("direct:identity.sites.update");
        ApiResponses
            .answers(siteApi.delete("/sites/{id}")
                .id("deleteSite")
                .security("bearerAuth")
                .security("basicAuth")
                .description("Soft-deletes a site"), 204, "No content", 401, 403, 404)
            .to("direct:identity.sites.delete");
        ApiResponses
            .answers(
                    siteApi.post("/sites/{id}/secret")
                        .id("rotateSiteSecret")
                        .security("bearerAuth")
                        .security("basicAuth")
                        .description("Rotates the site's secret; the new one is shown this once")
                        .produces("application/json"),
                    200, CreatedSite.class, "The site with its new secret", 401, 403, 404)
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
