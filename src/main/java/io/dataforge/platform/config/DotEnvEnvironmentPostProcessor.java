package io.dataforge.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Reads an optional {@code .env} file from the working directory. Its keys are written
 * the way environment variables are ({@code SPRING_DATASOURCE_URL},
 * {@code DATAFORGE_S3_ENDPOINT}), so they are added as a
 * {@link SystemEnvironmentPropertySource} right after the real environment: the same
 * relaxed names bind, and a real environment variable still wins over the file.
 */
public class DotEnvEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "dotenv";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Path file = Path.of(System.getProperty("dataforge.env-file", ".env"));
        if (!Files.isRegularFile(file) || environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        Map<String, Object> values = parse(readLines(file));
        SystemEnvironmentPropertySource source = new SystemEnvironmentPropertySource(SOURCE_NAME, values);
        String anchor = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        if (environment.getPropertySources().contains(anchor)) {
            environment.getPropertySources().addAfter(anchor, source);
        }
        else {
            environment.getPropertySources().addLast(source);
        }
    }

    static Map<String, Object> parse(List<String> lines) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            values.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
        }
        return values;
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2
                && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
        }
    }

    @Override
    public int getOrder() {
        // before ConfigData processing so that spring.config.* keys in .env are honoured
        // too
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }

}
