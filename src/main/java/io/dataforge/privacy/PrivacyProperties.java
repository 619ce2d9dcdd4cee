package io.dataforge.privacy;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dataforge.privacy.*}: how a purge works through a tenant's data.
 *
 * @param purgeChunk rows or objects deleted per transaction: the most a killed purge
 * undoes, and how long it holds row locks
 * @param purgePoll how often a replica looks for purges ordered over the API that no one
 * is running (new ones, or those of a replica that died)
 * @param purgeRetry the first pause after a purge met a fault, doubling up to an hour
 */
@Validated
@ConfigurationProperties("dataforge.privacy")
public record PrivacyProperties(@Min(1) int purgeChunk, @NotNull Duration purgePoll, @NotNull Duration purgeRetry) {
}
