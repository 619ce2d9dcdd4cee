package io.dataforge.query;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dataforge.query.*}: how long one query may run before PostgreSQL ends it; how
 * many queries run at once in this instance, and how long one more waits for its turn
 * before it is refused (503 QUERY_BUSY); how often the {@code audit_log} partitions are
 * checked to stay three months ahead.
 */
@Validated
@ConfigurationProperties("dataforge.query")
public record QueryProperties(@NotNull Duration statementTimeout, @Min(1) int maxConcurrent,
        @NotNull Duration queueTimeout, @NotNull Duration auditPartitionCheck) {
}
