package io.dataforge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** Spring Boot's own settings the deployments set: structured (JSON) logs. */
    private static final Set<String> SPRING_VARIABLES = Set.of("LOGGING_STRUCTURED_FORMAT_CONSOLE");

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
        assertThat(environment).containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE",
                "${LOGGING_STRUCTURED_FORMAT_CONSOLE:-ecs}");
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("ENV LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs");
        assertThat(environment).containsEntry("DATAFORGE_EMBEDDED_ENABLED", "false")
            .containsEntry("SPRING_DATA_REDIS_HOST", "redis");
        // --scale app=N: no fixed host port or name on the app; the load balancer owns
        // :8080
        assertThat(app).doesNotContainKeys("ports", "container_name");
        assertThat(services).containsKeys("lb", "redis");
        Map<String, Object> lb = (Map<String, Object>) services.get("lb");
        assertThat((List<String>) lb.get("ports")).containsExactly("8080:8080");
        String nginx = Files.readString(Path.of("deploy/nginx/data-forge.conf"));
        assertThat(nginx).contains("http://app:8080")
            .contains("proxy_request_buffering off")
            .contains("client_max_body_size 0");
    }

    @Test
    @SuppressWarnings("unchecked")
    void observabilityProfileScrapesEveryReplicaAndProvisionsTheDashboards() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");

        for (String name : List.of("prometheus", "grafana", "otel-collector", "tempo")) {
            Map<String, Object> service = (Map<String, Object>) services.get(name);
            assertThat((List<String>) service.get("profiles")).as(name).containsExactly("observability");
            for (String volume : (List<String>) service.get("volumes")) {
                if (volume.startsWith("./")) { // else a named volume
                    assertThat(Path.of(volume.substring(0, volume.indexOf(':')))).as(volume).exists();
                }
            }
        }
        Map<String, Object> prometheus = new Yaml().load(Files.readString(Path.of("deploy/prometheus/prometheus.yml")));
        Map<String, Object> job = ((List<Map<String, Object>>) prometheus.get("scrape_configs")).get(0);
        assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
        assertThat(job.get("dns_sd_configs").toString()).contains("names=[app]").contains("port=8080");
        assertThat(Files.readString(Path.of("deploy/grafana/provisioning/dashboards/dashboards.yml")))
            .contains("path: /var/lib/grafana/dashboards");
        assertThat(Files.readString(Path.of("deploy/grafana/provisioning/datasources/datasources.yml")))
            .contains("uid: prometheus")
            .contains("url: http://prometheus:9090")
            .contains("uid: tempo")
            .contains("url: http://tempo:3200");
        // spans: the app -> the collector (OTLP over HTTP) -> Tempo
        Map<String, Object> collector = new Yaml().load(Files.readString(Path.of("deploy/otel-collector/config.yaml")));
        assertThat(path(collector, "receivers.otlp.protocols.http.endpoint")).isEqualTo("0.0.0.0:4318");
        assertThat(path(collector, "exporters.otlp/tempo.endpoint")).isEqualTo("tempo:4317");
        assertThat(path(collector, "service.pipelines.traces.exporters").toString()).contains("otlp/tempo");
        Map<String, Object> tempo = new Yaml().load(Files.readString(Path.of("deploy/tempo/tempo.yaml")));
        assertThat(path(tempo, "distributor.receivers.otlp.protocols.grpc.endpoint")).isEqualTo("0.0.0.0:4317");
        Map<String, Object> app = (Map<String, Object>) services.get("app");
        assertThat((Map<String, Object>) app.get("environment")).containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT",
                "${OTEL_EXPORTER_OTLP_ENDPOINT:-}");
        assertThat(Files.readString(Path.of("docker-compose.yml")))
            .contains("OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector:4318");
    }

    @Test
    void readmeDocumentsEveryVariableTheApplicationReads() throws IOException {
        String readme = Files.readString(Path.of("README.md"));

        assertThat(applicationVariables()).allSatisfy(variable -> assertThat(readme).contains("`" + variable + "`"));
        assertThat(readme).contains("./mvnw spring-boot:run").contains("./mvnw verify");
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetesManifestsRunTheApplicationAsItIsConfigured() throws IOException {
        Map<String, Map<String, Object>> byName = new java.util.LinkedHashMap<>();
        manifests().forEach(doc -> byName.put(doc.get("kind") + "/" + path(doc, "metadata.name"), doc));
        Set<String> readable = new TreeSet<>(applicationVariables());
        readable.addAll(CONNECTION_VARIABLES);
        readable.addAll(SPRING_VARIABLES);
        Set<String> rolesRun = new TreeSet<>();
        Map<String, String> config = (Map<String, String>) byName.get("ConfigMap/data-forge-config").get("data");
        assertThat(readable).containsAll(config.keySet());
        assertThat(config).as("JSON logs").containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        long drainSeconds = Long.parseLong(config.get("DATAFORGE_DRAIN_SECONDS"));
        List<String> deployments = List.of("data-forge-api", "data-forge-load-worker", "data-forge-export-worker");
        for (String name : deployments) {
            Map<String, Object> pod = (Map<String, Object>) path(byName.get("Deployment/" + name),
                    "spec.template.spec");
            assertThat(((Number) pod.get("terminationGracePeriodSeconds")).longValue())
                .as(name + ": the web server's drain, then Camel's")
                .isGreaterThan(2 * drainSeconds);
            assertThat(path(pod, "securityContext.runAsNonRoot")).as(name).isEqualTo(true);
            Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
            assertThat(path(container, "resources.limits.memory")).as(name).isEqualTo("512Mi");
            assertThat(path(container, "securityContext.readOnlyRootFilesystem")).as(name).isEqualTo(true);
            Map<String, Object> port = ((List<Map<String, Object>>) container.get("ports")).get(0);
            assertThat(port).as(name).containsEntry("name", "http").containsEntry("containerPort", serverPort());
            assertThat(path(container, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
            assertThat(path(container, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
            for (Map<String, Object> variable : (List<Map<String, Object>>) container.get("env")) {
                assertThat(readable).as(name).contains((String) variable.get("name"));
                if ("DATAFORGE_ROLES".equals(variable.get("name"))) {
                    io.dataforge.platform.config.Roles.parse((String) variable.get("value"))
                        .forEach(role -> rolesRun.add(role.key()));
                }
            }
        }
        assertThat(rolesRun).as("every role but the watched folder's runs somewhere")
            .containsExactlyInAnyOrder("api", "scheduler", "webhook-worker", "load-worker", "export-worker");
        assertThat(path(byName.get("Service/data-forge"), "spec.ports")).asList()
            .extracting(p -> ((Map<String, Object>) p).get("targetPort"))
            .containsExactly("http");
        assertThat(path(byName.get("HorizontalPodAutoscaler/data-forge-api"), "spec.scaleTargetRef.name"))
            .isEqualTo("data-forge-api");
        Map<String, String> queues = Map.of("data-forge-load-worker", queueDefault("DATAFORGE_LOAD_QUEUE"),
                "data-forge-export-worker", queueDefault("DATAFORGE_EXPORT_QUEUE"));
        queues.forEach((worker, queue) -> {
            Map<String, Object> scaled = byName.get("ScaledObject/" + worker);
            assertThat(path(scaled, "spec.scaleTargetRef.name")).isEqualTo(worker);
            Map<String, Object> trigger = ((List<Map<String, Object>>) path(scaled, "spec.triggers")).get(0);
            assertThat(trigger).containsEntry("type", "rabbitmq");
            assertThat(path(trigger, "metadata.queueName")).isEqualTo(queue);
            assertThat(byName).containsKey("PodDisruptionBudget/" + worker);
        });
        assertThat(byName).containsKey("PodDisruptionBudget/data-forge-api");
        Map<String, Object> overlay = new Yaml()
            .load(Files.readString(Path.of("deploy/kubernetes/overlays/example/kustomization.yaml")));
        List<Map<String, Object>> secrets = (List<Map<String, Object>>) overlay.get("secretGenerator");
        ((List<String>) secrets.get(0).get("literals"))
            .forEach(literal -> assertThat(readable).contains(literal.substring(0, literal.indexOf('='))));
    }

    /** Every document of the resources the base kustomization lists. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> manifests() throws IOException {
        Path base = Path.of("deploy/kubernetes/base");
        Map<String, Object> kustomization = new Yaml().load(Files.readString(base.resolve("kustomization.yaml")));
        List<Map<String, Object>> documents = new java.util.ArrayList<>();
        for (String resource : (List<String>) kustomization.get("resources")) {
            for (Object document : new Yaml().loadAll(Files.readString(base.resolve(resource)))) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> document, String dotted) {
        Object at = document;
        for (String key : dotted.split("\\.")) {
            at = ((Map<String, Object>) at).get(key);
        }
        return at;
    }

    private static int serverPort() throws IOException {
        Matcher matcher = Pattern.compile("port: \\$\\{PORT:(\\d+)}")
            .matcher(Files.readString(Path.of("src/main/resources/application.yml")));
        assertThat(matcher.find()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static String queueDefault(String variable) throws IOException {
        Matcher matcher = Pattern.compile("\\$\\{" + variable + ":([^}]+)}")
            .matcher(Files.readString(Path.of("src/main/resources/application.yml")));
        assertThat(matcher.find()).as(variable).isTrue();
        return matcher.group(1);
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
