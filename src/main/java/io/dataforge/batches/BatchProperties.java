package io.dataforge.batches;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** {@code dataforge.batches.*}: batch timeout and the limits of sites' uploads. */
@Validated
@ConfigurationProperties("dataforge.batches")
public record BatchProperties(@NotNull Duration timeout, @NotBlank String timeoutCron, @NotNull Duration gaugeRefresh,
        @Min(1) int maxActivePerAccount, @NotNull DataSize maxFileSize, @Min(1) int maxFilesPerBatch,
        @NotNull Duration staleReservation) {
}
