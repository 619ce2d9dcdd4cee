package io.dataforge.export;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dataforge.export.*}: export jobs. {@code maxRows} caps what one export may
 * select; {@code
 * maxRunningPerTenant} holds across instances; {@code retention} is how long a file is
 * kept, {@code retentionCheck} how often files past it are looked for.
 */
@Validated
@ConfigurationProperties("dataforge.export")
public record ExportProperties(@NotBlank String queue, @NotBlank String requestsQueue, @Min(1) @Max(32) int concurrency,
        @Min(1) int maxRunningPerTenant, @Min(1) int maxRows, @NotNull DataSize pdfMaxSize,
        @NotNull Duration downloadTtl, @NotNull Duration retention, @NotNull Duration retentionCheck,
        @NotNull Duration idempotencyWindow, @Min(1) int fetchSize, @Min(1) int progressEveryRows,
        @NotNull Duration republishInterval, @NotBlank String objectPrefix) {
}
