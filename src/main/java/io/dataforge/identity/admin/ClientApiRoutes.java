package io.dataforge.identity.admin;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.web.ApiParams;
import io.dataforge.platform.web.ApiResponses;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
import org.springframework.stereotype.Component;

/** API clients (client-credentials apps): ADMIN only. */
@Component
class ClientApiRoutes extends RouteBuilder {

    private final ClientRequests clients;

    ClientApiRoutes(ClientRequests clients) {
        this.clients = clients;
    }

    @Override
    public void configure() {
        RestDefinition clientApi = rest("/admin").description("API clients; ADMIN only").tag("API clients");
        ApiResponses
            .answers(
                    clientApi.post("/accounts/{accountId}/clients")
                        .id("createClient")
                        .security("bearerAuth")
                        .security("basicAuth")
                        .description("Registers an API client {name, roles}; the answer"
                                + " holds clientId and clientSecret, the secret shown this once")
                        .consumes("application/json")
                        .type(NewClient.class)
                        .produces("application/json"),
                    201, CreatedApiClient.class, "The API client created, with its secret", 400, 401, 403, 404, 413)
            .to("direct:identity.clients.create");
        ApiResponses.answers(
                clientApi.get("/accounts/{accountId}/clients")
                    .id("listClients")
                    .security("bearerAuth")
                    .security("basicAuth")
                    .description(
                            "Lists an account's API clients, paged, sorted (createdAt, name; oldest first by default)")
                    .produces("application/json"),
                200, ApiClient.Page.class, "A page of the account's API clients", 400, 401, 403, 404);
        ApiParams.paging(clientApi).to("direct:identity.clients.list");
        ApiResponses
            .answers(clientApi.get("/clients/{id}")
                .id("getClient")
                .security("bearerAuth")
                .security("basicAuth")
                .description("One API client")
                .produces("application/json"), 200, ApiClient.class, "The API client", 401, 403, 404)
            .to("direct:identity.clients.get");
        ApiResponses
            .answers(
                    clientApi.patch("/clients/{id}")
                        .id("updateClient")
                        .security("bearerAuth")
                        .security("basicAuth")
                        .description("Renames and/or (de)activates an API client {name, isActive}")
                        .consumes("application/json")
                        .type(ClientUpdate.class)
                        .produces("application/json"),
                    200, ApiClient.class, "The API client as updated", 400, 401, 403, 404, 413)
            .to("direct:identity.clients.update");
        ApiResponses
            .answers(clientApi.delete("/clients/{id}")
                .id("deleteClient")
                .security("bearerAuth")
                .security("basicAuth")
                .description("Soft-deletes an API client"), 204, "No content", 401, 403, 404)
            .to("direct:identity.clients.delete");
        ApiResponses
            .answers(
                    clientApi.post("/clients/{id}/secret")
                        .id("rotateClientSecret")
                        .security("bearerAuth")
                        .security("basicAuth")
                        .description("Rotates the client's secret; the new one is shown this once")
                        .produces("application/json"),
                    200, CreatedApiClient.class, "The API client with its new secret", 401, 403, 404)
            .to("direct:identity.clients.rotate");

        from("direct:identity.clients.create").routeId("identity.clients.create")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(clients::create);
        from("direct:identity.clients.list").routeId("identity.clients.list")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(clients::list);
        from("direct:identity.clients.get").routeId("identity.clients.get")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(clients::get);
        from("direct:identity.clients.update").routeId("identity.clients.update")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(clients::update);
        from("direct:identity.clients.delete").routeId("identity.clients.delete")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(clients::delete);
        from("direct:identity.clients.rotate").routeId("identity.clients.rotate")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(clients::rotateSecret);
    }

}
