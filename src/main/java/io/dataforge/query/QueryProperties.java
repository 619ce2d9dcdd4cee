package io.dataforge.query;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code dataforge.query.*}: how long one query may run before PostgreSQL ends it. */
@Validated
@ConfigurationProperties("dataforge.query")
public record QueryProperties(@NotNull Duration statementTimeout) {
}
