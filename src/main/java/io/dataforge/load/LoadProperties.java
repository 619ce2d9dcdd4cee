package io.dataforge.load;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code dataforge.load.*}: CSV uploads into datasets. {@code maxBadRows} and {@code maxBadRowsPercent} fail a
 * load once more rows than either are bad; {@code allowPrivateCallbacks} lets callback URLs aim at loopback or
 * private addresses (tests, closed networks).
 */
@Validated
@ConfigurationProperties("dataforge.load")
public record LoadProperties(@NotBlank String queue, @Min(1) @Max(32) int concurrency, @NotNull DataSize maxFileSize,
                             @NotBlank String stagingPrefix, @Min(1) int uploadsPerMinute, @Min(0) long maxBadRows,
                             @Min(0) @Max(100) double maxBadRowsPercent, @Min(1) int progressEveryRows,
                             @Min(0) int maxRecordedErrors, boolean allowPrivateCallbacks,
                             @NotNull Duration republishInterval) {
}
