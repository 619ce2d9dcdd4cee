package io.dataforge.platform.camel;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code dataforge.camel.*}: the shared redelivery policy of worker routes. */
@Validated
@ConfigurationProperties("dataforge.camel")
public record CamelProperties(@Min(0) int maximumRedeliveries, @NotNull Duration redeliveryDelay,
        @Min(1) double backoffMultiplier) {
}
