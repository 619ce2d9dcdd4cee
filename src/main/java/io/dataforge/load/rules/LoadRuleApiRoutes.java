package io.dataforge.load.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dataforge.datasets.DatasetCatalog;
import io.dataforge.load.UploadCallers;
import io.dataforge.load.copy.ColumnValues;
import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.ApiResponses;
import io.dataforge.platform.web.Replies;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
import org.springframework.stereotype.Component;

/** An account's rules for loading the files of its completed batches (admin). */
@Component
class LoadRuleApiRoutes extends RouteBuilder {

    private static final int MAX_RULES = 100;

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
                .produces("application/json"), 200, "The account's load rules", 401, 403, 404)
            .to("direct:load.rules.get");
        ApiResponses
            .answers(loadRules.put()
                .id("putLoadRules")
                .security("bearerAuth")
                .security("basicAuth")
                .description("Replaces the rules: {rules: [{pattern: 'sales*.csv.gz', dataset: 'sales_transactions'}]}")
                .consumes("application/json")
                .produces("application/json"), 200, "The rules as stored", 400, 401, 403, 404, 413)
            .to("direct:load.rules.put");

        from("direct:load.rules.get").routeId("load.rules.get")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(e -> reply(e, rules.rules(callers.namedAccount(e))));
        from("direct:load.rules.put").routeId("load.rules.put")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(e -> {
                UUID accountId = callers.namedAccount(e);
                List<LoadRule> parsed = parse(Replies.jsonObject(e).get("rules"));
                rules.replace(accountId, parsed);
                reply(e, parsed);
            });
    }

    private List<LoadRule> parse(Object body) {
        if (!(body instanceof List<?> list) || list.size() > MAX_RULES) {
            throw new ApiException(400, "rules must be a list of at most " + MAX_RULES + " {pattern, dataset} objects");
        }
        List<LoadRule> parsed = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> rule) || !(rule.get("pattern") instanceof String pattern)
                    || !(rule.get("dataset") instanceof String dataset)) {
                throw new ApiException(400, "each rule needs a pattern and a dataset");
            }
            if (!LoadRule.isValidPattern(pattern)) {
                throw new ApiException(400, "pattern '" + ColumnValues.excerpt(pattern)
                        + "' must be a file-name glob: letters, digits, . _ - and the wildcards * ?");
            }
            if (!datasets.exists(dataset)) {
                throw new ApiException(400, "Unknown dataset '" + ColumnValues.excerpt(dataset) + "'",
                        "UNKNOWN_DATASET", null);
            }
            parsed.add(new LoadRule(pattern, dataset));
        }
        return parsed;
    }

    private static void reply(Exchange exchange, List<LoadRule> list) {
        Replies.json(exchange, 200, Map.of("rules", list.stream().map(LoadRule::view).toList()));
    }

}
