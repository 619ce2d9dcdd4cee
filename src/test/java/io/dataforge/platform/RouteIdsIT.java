package io.dataforge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import io.dataforge.IntegrationTest;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A YAML or Java route that silently failed to load shows up here as a missing id. */
@IntegrationTest
class RouteIdsIT {

    static final Set<String> EXPECTED = Set.of(
            "platform.openapi",
            "platform.events",
            "platform.dead-letters.list",
            "platform.dead-letters.get",
            "platform.dead-letters.replay",
            "identity.token", "identity.refresh", "identity.admin-token",
            "identity.accounts.create", "identity.accounts.list", "identity.accounts.get", "identity.accounts.update",
            "identity.accounts.delete", "identity.accounts.stats",
            "identity.sites.create", "identity.sites.list", "identity.sites.get", "identity.sites.update",
            "identity.sites.delete", "identity.sites.rotate",
            "identity.clients.create", "identity.clients.list", "identity.clients.get", "identity.clients.update",
            "identity.clients.delete", "identity.clients.rotate",
            "batches.start", "batches.upload", "batches.complete", "batches.complete-with-warnings", "batches.fail",
            "batches.cancel", "batches.timeout-schedule", "batches.expire", "batches.gauges", "batches.gauges-refresh",
            "errors.report", "errors.report-for-batch", "errors.partitions",
            "batches.admin.list", "batches.admin.get", "batches.admin.delete",
            "errors.admin.search", "errors.admin.export",
            "watch.scan", "watch.process", "watch.admin.files",
            "datasets.put", "datasets.list", "datasets.get",
            "load.upload", "load.list", "load.get", "load.errors", "load.retry", "load.copy", "load.republish",
            "load.webhook", "load.webhook-secret", "load.webhook-secret-rotate", "load.batch-files", "load.rules.get", "load.rules.put",
            "query.run", "query.run-get", "query.audit", "query.audit-partitions", "query.cache-evict",
            "export.submit", "export.list", "export.get", "export.download", "export.cancel", "export.render",
            "export.requests", "export.republish", "export.retention");

    @Autowired
    CamelContext camel;

    @Test
    void contextHoldsExactlyTheExpectedRoutes() {
        Set<String> ids = camel.getRoutes().stream()
                .map(Route::getRouteId)
                .filter(id -> !id.startsWith("test."))  // routes that other ITs add for themselves
                .collect(Collectors.toSet());

        assertThat(ids).containsExactlyInAnyOrderElementsOf(EXPECTED);
    }
}
