package io.dataforge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.dataforge.IntegrationTest;
import io.dataforge.platform.camel.ErrorHandlingRoutes;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A YAML or Java route that silently failed to load shows up here as a missing id. */
@IntegrationTest
class RouteIdsIT {

    static final Set<String> EXPECTED = Set.of("platform.openapi", "platform.events", "platform.dead-letters.list",
            "platform.dead-letters.get", "platform.dead-letters.replay", "platform.dead-letters.list-v1",
            "platform.dead-letters.get-v1", "platform.dead-letters.replay-v1", "platform.queue-depths",
            "identity.token", "identity.refresh", "identity.admin-token", "identity.accounts.create",
            "identity.accounts.list", "identity.accounts.get", "identity.accounts.update", "identity.accounts.delete",
            "identity.accounts.stats", "identity.sites.create", "identity.sites.list", "identity.sites.get",
            "identity.sites.update", "identity.sites.delete", "identity.sites.rotate", "identity.clients.create",
            "identity.clients.list", "identity.clients.get", "identity.clients.update", "identity.clients.delete",
            "identity.clients.rotate", "identity.token-keys.list", "identity.token-keys.rotate", "batches.start",
            "batches.upload", "batches.complete", "batches.complete-with-warnings", "batches.fail", "batches.cancel",
            "batches.timeout-schedule", "batches.expire", "batches.gauges", "batches.gauges-refresh", "errors.report",
            "errors.report-for-batch", "errors.partitions", "batches.admin.list", "batches.admin.get",
            "batches.admin.delete", "errors.admin.search", "errors.admin.export", "watch.scan", "watch.process",
            "watch.admin.files", "watch.admin.files-v1", "datasets.put", "datasets.list", "datasets.get",
            "datasets.subjects.export", "datasets.subjects.erase", "load.upload", "load.list", "load.get",
            "load.errors", "load.retry", "load.copy", "load.republish", "load.webhook", "load.webhook-secret",
            "load.webhook-secret-rotate", "load.batch-files", "load.rules.get", "load.rules.put", "query.run",
            "query.run-get", "query.audit", "query.audit-verify", "query.audit-partitions", "query.cache-evict",
            "export.submit", "export.list", "export.get", "export.download", "export.cancel", "export.render",
            "export.requests", "export.republish", "export.retention", "privacy.purge.order", "privacy.purge.latest",
            "privacy.purge.preview", "privacy.purge.get", "privacy.purges");

    @Autowired
    CamelContext camel;

    @Test
    void contextHoldsExactlyTheExpectedRoutes() {
        Set<String> ids = camel.getRoutes()
            .stream()
            .map(Route::getRouteId)
            .filter(id -> !id.startsWith("test.")) // routes that other ITs add for
                                                   // themselves
            .collect(Collectors.toSet());

        assertThat(ids).containsExactlyInAnyOrderElementsOf(EXPECTED);
    }

    /**
     * The REST DSL's routes carry the configuration of the route they inline;
     * {@code platform.openapi} is Camel's own route for the OpenAPI document (made from
     * the REST configuration), which has no way to name one.
     */
    @Test
    void everyRouteOptsIntoAnErrorHandlingConfiguration() {
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        List<String> defined = model.getRouteConfigurationDefinitions()
            .stream()
            .map(RouteConfigurationDefinition::getId)
            .toList();
        Map<String, String> configurations = model.getRouteDefinitions()
            .stream()
            .filter(route -> !route.getRouteId().startsWith("test.") && !route.getRouteId().equals("platform.openapi"))
            .collect(Collectors.toMap(RouteDefinition::getRouteId,
                    route -> String.valueOf(route.getRouteConfigurationId())));

        assertThat(configurations).as("route id -> routeConfigurationId")
            .allSatisfy((id, configuration) -> assertThat(configuration).as(id).isIn(defined));
        assertThat(defined).contains(ErrorHandlingRoutes.WORKER, ErrorHandlingRoutes.REST,
                ErrorHandlingRoutes.BACKGROUND, ErrorHandlingRoutes.INLINE, "load.webhook-delivery");
    }

}
