package io.dataforge.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The served OpenAPI document, as a client generator and a person exploring the API read
 * it.
 */
@IntegrationTest
class OpenApiDocumentIT {

    static final String COMMITTED = "docs/api/openapi.json";

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @LocalServerPort
    int port;

    TestHttp http;

    JsonNode document;

    @BeforeEach
    void read() throws Exception {
        http = new TestHttp(port);
        HttpResponse<String> response = http.get("/docs/swagger/v1/swagger.json");
        assertThat(response.statusCode()).as("public by default").isEqualTo(200);
        document = new ObjectMapper().readTree(response.body());
    }

    @Test
    void everyOperationIsNamedForWhatItDoesTaggedAndSecured() {
        assertThat(document.path("openapi").asText()).startsWith("3.");
        assertThat(document.path("info").path("version").asText()).isEqualTo("v1");
        assertThat(document.path("info").path("description").asText()).contains("timestamp, status, error, message");

        List<String> ids = new ArrayList<>();
        List<String> declaredTags = new ArrayList<>();
        document.path("tags").forEach(tag -> declaredTags.add(tag.path("name").asText()));
        JsonNode schemes = document.path("components").path("securitySchemes");
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(verb -> {
            if (!METHODS.contains(verb.getKey())) {
                return;
            }
            String where = verb.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = verb.getValue();
            String id = operation.path("operationId").asText();
            assertThat(id).as(where + ": a name, not a generated verb42").matches("[a-z][A-Za-z]+");
            ids.add(id);
            assertThat(operation.path("tags")).as(where + " tags").isNotEmpty();
            operation.path("tags").forEach(tag -> assertThat(declaredTags).as(where).contains(tag.asText()));
            // the token endpoint takes its credentials as Basic or in the form: no
            // requirement to declare
            assertThat(operation.path("security").isEmpty()).as(where + " security").isEqualTo(id.equals("issueToken"));
            operation.path("security")
                .forEach(requirement -> requirement.fieldNames()
                    .forEachRemaining(scheme -> assertThat(schemes.has(scheme)).as(where + " " + scheme).isTrue()));
        }));
        assertThat(ids).doesNotHaveDuplicates()
            .contains("startBatch", "uploadBatchFiles", "createUpload", "runQuery", "createExport");
        assertThat(schemes.path("bearerAuth").path("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.path("basicAuth").path("scheme").asText()).isEqualTo("basic");
        assertThat(schemes.path("oauth2").path("flows").path("clientCredentials").path("tokenUrl").asText())
            .endsWith("/api/v1/auth/token");
    }

    @Test
    void theFirstRoundsAdminPathsStillAnswerAndAreMarkedDeprecated() {
        JsonNode paths = document.path("paths");
        assertThat(paths.path("/api/v1/admin/dead-letters").path("get").path("deprecated").asBoolean()).isTrue();
        assertThat(paths.path("/api/v1/admin/watch/files").path("get").path("deprecated").asBoolean()).isTrue();
        assertThat(paths.path("/admin/dead-letters").path("get").has("deprecated")).isFalse();
        assertThat(paths.path("/admin/watch/files").path("get").has("deprecated")).isFalse();

        for (String[] moved : List.of(
                new String[] { "/admin/dead-letters?size=5", "/api/v1/admin/dead-letters?size=5" },
                new String[] { "/admin/watch/files?size=5", "/api/v1/admin/watch/files?size=5" })) {
            HttpResponse<String> now = http.send(http.asAdmin(moved[0]));
            HttpResponse<String> before = http.send(http.asAdmin(moved[1]));
            assertThat(now.statusCode()).isEqualTo(200);
            assertThat(before.statusCode()).isEqualTo(200);
            Map<String, Object> nowBody = TestHttp.json(now);
            assertThat(TestHttp.json(before)).as(moved[1]).containsEntry("totalElements", nowBody.get("totalElements"));
        }
    }

    @Test
    void swaggerUiAtDocsOpensTheServedDocumentFromTheJarItself() {
        HttpResponse<String> docs = http.get("/docs");
        assertThat(docs.statusCode()).isEqualTo(302);
        assertThat(docs.headers().firstValue("Location").orElseThrow()).endsWith("/docs/ui/index.html");

        HttpResponse<String> page = http.get("/docs/ui/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js").contains("swagger-initializer.js");
        assertThat(http.get("/docs/ui/swagger-initializer.js").body()).as("ours, not the petstore's")
            .contains("/docs/swagger/v1/swagger.json")
            .doesNotContain("petstore");
        HttpResponse<String> bundle = http.get("/docs/ui/swagger-ui-bundle.js");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body().length()).as("the whole bundle, served locally").isGreaterThan(500_000);
        assertThat(http.get("/docs/ui/../../application.yml").statusCode()).as("nothing outside the UI folder")
            .isNotEqualTo(200);
    }

    @Test
    void theDocumentIsAlsoServedAsYaml() throws Exception {
        HttpResponse<String> yaml = http.get("/docs/swagger/v1/swagger.yaml");

        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("Content-Type").orElse("")).startsWith("application/yaml");
        assertThat(new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(yaml.body())).as("the same document")
            .isEqualTo(document);
    }

    /**
     * API changes show in review: the document is committed, and a served one that
     * differs fails here, written to {@code target/openapi.json} to be copied over the
     * committed one.
     */
    @Test
    void theServedDocumentIsTheCommittedOne() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode served = document.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) served).remove("servers"); // the
                                                                                     // test's
                                                                                     // random
                                                                                     // port
        // the tag of the tests' own routes (TestWebRoutes: their paths are left out),
        // when
        // ErrorBodyIT or HttpBodyStreamingIT ran first in this context
        java.util.Iterator<JsonNode> tags = served.path("tags").iterator();
        while (tags.hasNext()) {
            if (tags.next().path("name").asText().startsWith("/api/v1/test")) {
                tags.remove();
            }
        }
        java.nio.file.Path written = java.nio.file.Path.of("target/openapi.json");
        json.writerWithDefaultPrettyPrinter().writeValue(written.toFile(), served);
        JsonNode committed = json.readTree(java.nio.file.Path.of(COMMITTED).toFile());

        assertThat(served.equals(committed))
            .as("the served document differs from " + COMMITTED + ": review " + written
                    + " and copy it over, so the change shows in review")
            .isTrue();
    }

}
