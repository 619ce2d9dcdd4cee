package io.dataforge.platform.messaging;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dataforge.messaging.*}: the domain events exchange and how dead-letter names are
 * formed.
 */
@Validated
@ConfigurationProperties("dataforge.messaging")
public record MessagingProperties(@NotBlank String eventsExchange, @NotBlank String deadLetterSuffix) {
}
