package io.dataforge.platform.messaging;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dataforge.messaging.*}: the domain events exchange, how dead-letter names are
 * formed, and how often the queue depths are read.
 */
@Validated
@ConfigurationProperties("dataforge.messaging")
public record MessagingProperties(@NotBlank String eventsExchange, @NotBlank String deadLetterSuffix,
        @NotNull Duration queueDepthRefresh) {
}
