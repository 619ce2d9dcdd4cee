package io.dataforge.platform.tracing;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dataforge.tracing.*}: how long a trace may take before it is kept whatever the
 * sampling ratio said, and how many unsampled traces may wait in memory for that
 * decision.
 */
@Validated
@ConfigurationProperties("dataforge.tracing")
public record TracingProperties(@NotNull Duration keepSlowerThan, @Min(1) int maxPendingTraces) {
}
