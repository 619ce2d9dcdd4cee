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
 * A replica with only the API role (an API pod) starts no worker, watch or scheduled
 * route, answers requests, and says what it does in its health.
 */
@IntegrationTest
@DirtiesContext
@TestPropertySource(
        properties = { "spring.jmx.unique-names=true", "camel.main.name=data-forge-roles-it", "dataforge.roles=api" })
class RolesIT {

    /** Each role's routes that consume work or run on a schedule. */
    static final List<String> NOT_API = List.of("load.copy", "load.batch-files", "load.webhook", "export.render",
            "export.requests", "watch.scan", "watch.process", "load.republish", "export.republish", "export.retention",
            "query.audit-partitions", "batches.timeout-schedule", "errors.partitions");

    @Autowired
    CamelContext camel;

    @LocalServerPort
    int port;

    @Test
    void anApiReplicaStartsNoRouteOfTheOtherRoles() {
        NOT_API.forEach(id -> assertThat(camel.getRouteController().getRouteStatus(id)).as(id)
            .isEqualTo(ServiceStatus.Stopped));
        assertThat(camel.getRouteController().getRouteStatus("batches.start")).isEqualTo(ServiceStatus.Started);
        assertThat(camel.getRouteController().getRouteStatus("query.cache-evict")).isEqualTo(ServiceStatus.Started);
    }

    @Test
    @SuppressWarnings("unchecked")
    void itsHealthNamesItsRoles() {
        TestHttp http = new TestHttp(port);
        HttpResponse<String> health = http.send(http.asAdmin("/actuator/health").GET());

        Map<String, Object> roles = (Map<String, Object>) ((Map<String, Object>) TestHttp.json(health)
            .get("components")).get("roles");
        assertThat(roles).containsEntry("status", "UP");
        assertThat((Map<String, Object>) roles.get("details")).containsEntry("roles", List.of("api"));
    }

}
