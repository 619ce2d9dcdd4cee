package io.dataforge.load;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dataforge.load.*}: CSV uploads into datasets. {@code maxBadRows} and
 * {@code maxBadRowsPercent} fail a load once more rows than either are bad. Callback URLs
 * may not aim at loopback or private addresses unless {@code allowPrivateCallbacks}, or
 * their host is one of {@code callbackAllowedHosts} (an internal receiver).
 */
@Validated
@ConfigurationProperties("dataforge.load")
public record LoadProperties(@NotBlank String queue, @Min(1) @Max(32) int concurrency, @NotNull DataSize maxFileSize,
        @NotBlank String stagingPrefix, @Min(1) int uploadsPerMinute, @Min(0) long maxBadRows,
        @Min(0) @Max(100) double maxBadRowsPercent, @Min(1) int progressEveryRows, @Min(0) int maxRecordedErrors,
        boolean allowPrivateCallbacks, List<String> callbackAllowedHosts, @NotNull Duration republishInterval,
        @Valid @NotNull Webhooks webhooks) {

    public LoadProperties {
        callbackAllowedHosts = callbackAllowedHosts == null ? List.of()
                : callbackAllowedHosts.stream().map(String::strip).filter(h -> !h.isEmpty()).toList();
    }

    /**
     * Callback delivery: its queue, retries after the first attempt (exponential
     * backoff), request timeout.
     */
    public record Webhooks(@NotBlank String queue, @Min(0) @Max(10) int retries, @NotNull Duration retryDelay,
            @NotNull Duration timeout) {
    }
}
