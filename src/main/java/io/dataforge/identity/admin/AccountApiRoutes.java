package io.dataforge.identity.admin;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.web.ApiParams;
import io.dataforge.platform.web.ApiResponses;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
import org.springframework.stereotype.Component;

/** {@code /admin/accounts}: tenants (ADMIN only). */
@Component
class AccountApiRoutes extends RouteBuilder {

    private final AccountRequests accounts;

    AccountApiRoutes(AccountRequests accounts) {
        this.accounts = accounts;
    }

    @Override
    public void configure() {
        RestDefinition accountApi = rest("/admin/accounts").description("Accounts (tenants); ADMIN only")
            .tag("Accounts");
        ApiResponses
            .answers(
                    accountApi.post()
                        .id("createAccount")
                        .security("bearerAuth")
                        .security("basicAuth")
                        .description("Creates an account {email, name}; 409 when the email is taken")
                        .consumes("application/json")
                        .type(NewAccount.class)
                        .produces("application/json"),
                    201, Account.class, "The account created", 400, 401, 403, 409, 413)
            .to("direct:identity.accounts.create");
        ApiResponses.answers(accountApi.get()
            .id("listAccounts")
            .security("bearerAuth")
            .security("basicAuth")
            .description("Lists accounts, paged and sorted (createdAt, name, email; newest first by default)")
            .produces("application/json"), 200, Account.Page.class, "A page of accounts", 400, 401, 403);
        ApiParams.paging(accountApi).to("direct:identity.accounts.list");
        ApiResponses
            .answers(accountApi.get("/{id}")
                .id("getAccount")
                .security("bearerAuth")
                .security("basicAuth")
                .description("One account with its site count")
                .produces("application/json"), 200, Account.class, "The account", 401, 403, 404)
            .to("direct:identity.accounts.get");
        ApiResponses
            .answers(
                    accountApi.put("/{id}")
                        .id("updateAccount")
                        .security("bearerAuth")
                        .security("basicAuth")
                        .description("Renames and/or (de)activates an account {name, isActive}")
                        .consumes("application/json")
                        .type(AccountUpdate.class)
                        .produces("application/json"),
                    200, Account.class, "The account as updated", 400, 401, 403, 404, 413)
            .to("direct:identity.accounts.update");
        ApiResponses
            .answers(
                    accountApi.delete("/{id}")
                        .id("deleteAccount")
                        .security("bearerAuth")
                        .security("basicAuth")
                        .description("Soft-deletes an account and deactivates its sites and clients"),
                    204, "No content", 401, 403, 404)
            .to("direct:identity.accounts.delete");
        ApiResponses
            .answers(accountApi.get("/{id}/stats")
                .id("getAccountStats")
                .security("bearerAuth")
                .security("basicAuth")
                .description("Counts for one account")
                .produces("application/json"), 200, AccountStats.class, "The account's counts", 401, 403, 404)
            .to("direct:identity.accounts.stats");

        from("direct:identity.accounts.create").routeId("identity.accounts.create")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(accounts::create);
        from("direct:identity.accounts.list").routeId("identity.accounts.list")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(accounts::list);
        from("direct:identity.accounts.get").routeId("identity.accounts.get")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(accounts::get);
        from("direct:identity.accounts.update").routeId("identity.accounts.update")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(accounts::update);
        from("direct:identity.accounts.delete").routeId("identity.accounts.delete")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(accounts::delete);
        from("direct:identity.accounts.stats").routeId("identity.accounts.stats")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(accounts::stats);
    }

}
