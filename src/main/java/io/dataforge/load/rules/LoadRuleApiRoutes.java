package io.dataforge.load.rules;

import java.util.List;
import java.util.UUID;

import io.dataforge.datasets.DatasetCatalog;
import io.dataforge.load.UploadCallers;
import io.dataforge.load.copy.ColumnValues;
import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.ApiResponses;
import io.dataforge.platform.web.JsonBodies;
import io.dataforge.platform.web.Replies;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
import org.springframework.stereotype.Component;

/** An account's rules for loading the files of its completed batches (admin). */
@Component
class LoadRuleApiRoutes extends RouteBuilder {

    private final LoadRuleRepository rules;

    private final DatasetCatalog datasets;

    private final UploadCallers callers;

    LoadRuleApiRoutes(LoadRuleRepository rules, DatasetCatalog datasets, UploadCallers callers) {
        this.rules = rules;
        this.datasets = datasets;
        this.callers = callers;
    }

    @Override
    public void configure() {
        RestDefinition loadRules = rest("/admin/accounts/{accountId}/load-rules")
            .description("Which batch files load into which dataset (admin)")
            .tag("Load rules");
        ApiResponses
            .answers(loadRules.get()
                .id("getLoadRules")
                .security("bearerAuth")
                .security("basicAuth")
                .description("The rules, first match wins")
                .produces("application/json"), 200, LoadRules.class, "The account's load rules", 401, 403, 404)
            .to("direct:load.rules.get");
        ApiResponses
            .answers(loadRules.put()
                .id("putLoadRules")
                .security("bearerAuth")
                .security("basicAuth")
                .description("Replaces the rules: {rules: [{pattern: 'sales*.csv.gz', dataset: 'sales_transactions'}]}")
                .consumes("application/json")
                .produces("application/json")
                .type(LoadRules.class), 200, LoadRules.class, "The rules as stored", 400, 401, 403, 404, 413)
            .to("direct:load.rules.put");

        from("direct:load.rules.get").routeId("load.rules.get")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(e -> reply(e, rules.rules(callers.namedAccount(e))));
        from("direct:load.rules.put").routeId("load.rules.put")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(e -> {
                UUID accountId = callers.namedAccount(e);
                List<LoadRule> parsed = JsonBodies.read(e, LoadRules.class).rules();
                checkDatasets(parsed);
                rules.replace(accountId, parsed);
                reply(e, parsed);
            });
    }

    private void checkDatasets(List<LoadRule> parsed) {
        for (LoadRule rule : parsed) {
            if (!datasets.exists(rule.dataset())) {
                throw new ApiException(400, "Unknown dataset '" + ColumnValues.excerpt(rule.dataset()) + "'",
                        "UNKNOWN_DATASET", null);
            }
        }
    }

    private static void reply(Exchange exchange, List<LoadRule> list) {
        Replies.json(exchange, 200, new LoadRules(list));
    }

}
