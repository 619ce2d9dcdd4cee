package io.dataforge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so the compose file is checked as data: it parses, caps the
 * application at 512 MB, and names every variable the application reads; the README
 * documents each of them too.
 */
class DeploymentFilesTest {

    private static final Set<String> CONNECTION_VARIABLES = Set.of("SPRING_DATASOURCE_URL",
            "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD", "SPRING_RABBITMQ_HOST", "SPRING_RABBITMQ_PORT",
            "SPRING_RABBITMQ_USERNAME", "SPRING_RABBITMQ_PASSWORD");

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTheAppAgainstRealServicesWithinHalfAGigabyte() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");

        assertThat(services).containsKeys("postgres", "rabbitmq", "minio", "minio-buckets", "app");
        assertThat(((Map<String, Object>) services.get("postgres")).get("image")).isEqualTo("postgres:16");
        assertThat(((Map<String, Object>) services.get("rabbitmq")).get("image")).isEqualTo("rabbitmq:3-management");
        Map<String, Object> app = (Map<String, Object>) services.get("app");
        assertThat(app.get("mem_limit")).isEqualTo("512m");
        assertThat(app).containsKeys("healthcheck", "build", "depends_on");
        Map<String, Object> environment = (Map<String, Object>) app.get("environment");
        assertThat(environment.keySet()).containsAll(applicationVariables()).containsAll(CONNECTION_VARIABLES);
        assertThat(environment).containsEntry("DATAFORGE_EMBEDDED_ENABLED", "false");
    }

    @Test
    void readmeDocumentsEveryVariableTheApplicationReads() throws IOException {
        String readme = Files.readString(Path.of("README.md"));

        assertThat(applicationVariables()).allSatisfy(variable -> assertThat(readme).contains("`" + variable + "`"));
        assertThat(readme).contains("./mvnw spring-boot:run").contains("./mvnw verify");
    }

    private static Set<String> applicationVariables() throws IOException {
        Matcher matcher = Pattern.compile("\\$\\{([A-Z0-9_]+):")
            .matcher(Files.readString(Path.of("src/main/resources/application.yml")));
        Set<String> names = new TreeSet<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        assertThat(names).isNotEmpty();
        return names;
    }

}
