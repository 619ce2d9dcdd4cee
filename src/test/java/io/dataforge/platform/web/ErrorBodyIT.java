package io.dataforge.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;

import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every class of error answers with the standard JSON body and nothing else: no HTML, no
 * stack trace.
 */
@IntegrationTest
class ErrorBodyIT extends WebRoutesTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void unknownPathIs404() {
        assertStandardBody(http.send(http.asAdmin("/api/v1/nothing-here").header("Accept", "text/html").GET()), 404,
                "/api/v1/nothing-here");
    }

    @Test
    void wrongMethodIs405() {
        assertStandardBody(http.send(http.asAdmin("/admin/dead-letters").DELETE()), 405, "/admin/dead-letters");
    }

    @Test
    void unacceptableRepresentationIs406() {
        assertStandardBody(http.send(http.request("/actuator/health").header("Accept", "application/pdf").GET()), 406,
                "/actuator/health");
    }

    @Test
    void unsupportedContentTypeIs415() {
        assertStandardBody(http.send(http.asAdmin("/api/v1/test/raw/x")
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString("{}"))), 415, "/api/v1/test/raw/x");
    }

    @Test
    void malformedJsonIs400() {
        assertStandardBody(http.send(http.asAdmin("/api/v1/test/json")
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString("{\"dataset\": "))), 400, "/api/v1/test/json");
    }

    @Test
    void oversizeBodyIs413() {
        String big = "{\"x\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        assertStandardBody(http.send(http.asAdmin("/api/v1/test/json")
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(big))), 413, "/api/v1/test/json");
    }

    @Test
    void missingCredentialsIs401WithAChallenge() {
        HttpResponse<String> response = http.get("/admin/dead-letters");

        assertStandardBody(response, 401, "/admin/dead-letters");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
            .hasValueSatisfying(v -> assertThat(v).contains("Bearer").contains("Basic"));
    }

    @Test
    void wrongPasswordIs401() {
        HttpResponse<String> response = http.send(http.request("/actuator/hawtio/")
            .header("Authorization",
                    "Basic " + java.util.Base64.getEncoder().encodeToString("admin:guess".getBytes())));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(TestHttp.json(response)).containsEntry("status", 401);
    }

    @Test
    void unhandledExceptionIs500WithoutInternalsAndIsRecorded() {
        long before = jdbc.queryForObject("SELECT count(*) FROM dead_letters WHERE route_id = 'test.boom'", Long.class);

        HttpResponse<String> response = http.send(http.asAdmin("/api/v1/test/boom").GET());

        Map<String, Object> body = assertStandardBody(response, 500, "/api/v1/test/boom");
        assertThat(body).containsEntry("message", "Internal error");
        assertThat(response.body()).doesNotContain("secret internal detail").doesNotContain("IllegalStateException");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dead_letters WHERE route_id = 'test.boom'", Long.class))
            .isEqualTo(before + 1);
    }

    @Test
    void aRequestThatGetsNoDatabaseConnectionIs503WithRetryAfterAndIsNoDeadLetter() {
        long before = jdbc.queryForObject("SELECT count(*) FROM dead_letters WHERE route_id = 'test.no-connection'",
                Long.class);

        HttpResponse<String> response = http.send(http.asAdmin("/api/v1/test/no-connection").GET());

        Map<String, Object> body = assertStandardBody(response, 503, "/api/v1/test/no-connection");
        assertThat(body.get("message").toString()).contains("database");
        assertThat(response.body()).doesNotContain("HikariPool");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dead_letters WHERE route_id = 'test.no-connection'",
                Long.class))
            .isEqualTo(before);
    }

    private static Map<String, Object> assertStandardBody(HttpResponse<String> response, int status, String path) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        Map<String, Object> body = TestHttp.json(response);
        assertThat(body).containsKeys("timestamp", "status", "error", "message", "path");
        assertThat(body).containsEntry("status", status).containsEntry("path", path);
        assertThat(body.get("message").toString()).isNotBlank();
        assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception");
        return body;
    }

}
