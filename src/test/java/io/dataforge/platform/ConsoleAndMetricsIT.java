package io.dataforge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What operators and admins reach: metrics for scraping, the Hawtio console over Jolokia,
 * the API document.
 */
@IntegrationTest
class ConsoleAndMetricsIT {

    @LocalServerPort
    int port;

    @Autowired
    ProducerTemplate producer;

    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    @Test
    void prometheusShowsJvmAndCamelRouteMetricsToAdmins() {
        producer.sendBodyAndHeader("direct:platform.events", Map.of("probe", 1), "eventType", "platform.probe");

        assertThat(http.get("/actuator/prometheus").statusCode()).as("admin only").isEqualTo(401);
        HttpResponse<String> response = http.send(http.asAdmin("/actuator/prometheus").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes")
            .containsPattern("camel_exchanges_total\\{[^}]*routeId=\"platform.events\"");
    }

    @Test
    void hawtioConsoleNeedsTheAdminLogin() {
        assertThat(http.get("/actuator/hawtio/").statusCode()).isEqualTo(401);

        HttpResponse<String> console = http.send(http.asAdmin("/actuator/hawtio/").GET());

        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).containsIgnoringCase("hawtio");
    }

    @Test
    void jolokiaBehindTheConsoleListsTheCamelRoutes() {
        assertThat(http.get("/actuator/jolokia/version").statusCode()).isEqualTo(401);

        HttpResponse<String> routes = http
            .send(http.asAdmin("/actuator/jolokia/search/org.apache.camel:type=routes,*").GET());

        assertThat(routes.statusCode()).isEqualTo(200);
        assertThat(routes.body()).contains("platform.events").contains("platform.dead-letters.replay");
    }

    @Test
    void consoleCanOperateRoutesThroughJolokiaPosts() {
        String read = "{\"type\":\"read\",\"mbean\":\"org.apache.camel:context=data-forge,type=routes,name=\\\"platform.events\\\"\","
                + "\"attribute\":\"State\"}";

        HttpResponse<String> response = http.send(http.asAdmin("/actuator/jolokia")
            .header("Content-Type", "application/json")
            .header("Origin", http.uri("").toString().replaceAll("/$", ""))
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(read)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"value\":\"Started\"").contains("\"status\":200");
    }

}
