package io.dataforge.errors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dataforge.errors.*}: how many monthly partitions exist ahead of time, and when
 * that is checked.
 */
@Validated
@ConfigurationProperties("dataforge.errors")
public record ErrorLogProperties(@Min(1) @Max(36) int partitionsAhead, @NotBlank String partitionCron) {
}
