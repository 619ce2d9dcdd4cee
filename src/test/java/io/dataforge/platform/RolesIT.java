package io.dataforge.platform;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replica with only the load worker's role (a worker pod) starts no route of the other
 * roles, the API's included, and says what it does in its health.
 */
@IntegrationTest
@DirtiesContext
@TestPropertySource(properties = { "spring.jmx.unique-names=true", "camel.main.name=data-forge-roles-it",
        "dataforge.roles=load-worker" })
class RolesIT {

    /** Each role's routes that consume work or run on a schedule. */
    static final List<String> OTHER_ROLES = List.of("load.webhook", "export.render", "export.requests", "watch.scan",
            "watch.process", "load.republish", "export.republish", "export.retention", "query.audit-partitions",
            "batches.timeout-schedule", "errors.partitions", "platform.openapi");

    @Autowired
    CamelContext camel;

    @LocalServerPort
    int port;

    @Test
    void aWorkerReplicaStartsNoRouteOfTheOtherRoles() {
        OTHER_ROLES.forEach(id -> assertThat(camel.getRouteController().getRouteStatus(id)).as(id)
            .isEqualTo(ServiceStatus.Stopped));
        List<String> restRoutes = camel.getRoutes()
            .stream()
            .filter(route -> route.getEndpoint().getEndpointUri().startsWith("rest:"))
            .map(route -> route.getRouteId())
            .toList();
        assertThat(restRoutes).hasSizeGreaterThan(50)
            .allSatisfy(id -> assertThat(camel.getRouteController().getRouteStatus(id)).as(id)
                .isEqualTo(ServiceStatus.Stopped));
        assertThat(camel.getRouteController().getRouteStatus("load.copy")).isEqualTo(ServiceStatus.Started);
        assertThat(camel.getRouteController().getRouteStatus("load.batch-files")).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void itServesNoApi() {
        TestHttp http = new TestHttp(port);

        HttpResponse<String> token = http.sendOffContract(
                http.request("/api/v1/auth/token").POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());

        assertThat(token.statusCode()).isEqualTo(404);
        assertThat(TestHttp.json(token)).containsKeys("timestamp", "status", "error", "message", "path");
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void itsHealthNamesItsRoles() {
        TestHttp http = new TestHttp(port);
        HttpResponse<String> health = http.send(http.asAdmin("/actuator/health").GET());

        Map<String, Object> roles = (Map<String, Object>) ((Map<String, Object>) TestHttp.json(health)
            .get("components")).get("roles");
        assertThat(roles).containsEntry("status", "UP");
        assertThat((Map<String, Object>) roles.get("details")).containsEntry("roles", List.of("load-worker"));
    }

}
