package io.dataforge.platform.memory;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dataforge.memory.*}.
 *
 * @param reserved the heap the application keeps live for itself whatever it is doing
 * (Spring, Camel, pools, caches, requests in flight); the rest of the heap is shared out
 * as buffers of work
 */
@Validated
@ConfigurationProperties("dataforge.memory")
public record MemoryProperties(@NotNull DataSize reserved) {
}
