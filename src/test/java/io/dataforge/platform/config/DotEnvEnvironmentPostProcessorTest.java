package io.dataforge.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;

class DotEnvEnvironmentPostProcessorTest {

    @Test
    void parsesAssignmentsCommentsQuotesAndExport() {
        Map<String, Object> values = DotEnvEnvironmentPostProcessor
            .parse(List.of("# comment", "", "DATAFORGE_S3_BUCKET=drops", "export SPRING_RABBITMQ_HOST = mq.local",
                    "DATAFORGE_ADMIN_PASSWORD=\"p=ss word\"", "SINGLE='x'", "not an assignment"));

        assertThat(values).containsExactly(Map.entry("DATAFORGE_S3_BUCKET", "drops"),
                Map.entry("SPRING_RABBITMQ_HOST", "mq.local"), Map.entry("DATAFORGE_ADMIN_PASSWORD", "p=ss word"),
                Map.entry("SINGLE", "x"));
    }

    @Test
    void envStyleKeysBindToPropertiesAndRealEnvironmentWins(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(".env");
        Files.writeString(file,
                "SPRING_DATASOURCE_URL=jdbc:postgresql://db:5432/forge\nDATAFORGE_S3_BUCKET=from-file\n");
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources()
            .addFirst(new org.springframework.core.env.MapPropertySource("real",
                    Map.of("dataforge.s3.bucket", "from-env")));
        System.setProperty("dataforge.env-file", file.toString());
        try {
            new DotEnvEnvironmentPostProcessor().postProcessEnvironment(env, new SpringApplication());
        }
        finally {
            System.clearProperty("dataforge.env-file");
        }

        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:5432/forge");
        assertThat(env.getProperty("dataforge.s3.bucket")).isEqualTo("from-env");
    }

}
