package io.dataforge.load.staging;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.dataforge.load.LoadProperties;
import io.dataforge.platform.web.ApiException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.springframework.stereotype.Component;

/**
 * Uploads per tenant per minute, as Bucket4j token buckets kept in PostgreSQL
 * ({@code rate_limit_buckets}, updated under SELECT ... FOR UPDATE), so the limit holds
 * across every instance. Past it: 429 with Retry-After.
 */
@Component
class UploadRateLimit {

    private final ProxyManager<String> buckets;

    private final BucketConfiguration perMinute;

    UploadRateLimit(DataSource dataSource, LoadProperties props) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_limit_buckets")
            .idColumn("id")
            .stateColumn("state")
            .build();
        int limit = props.uploadsPerMinute();
        this.perMinute = BucketConfiguration.builder()
            .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, Duration.ofMinutes(1)).build())
            .build();
    }

    void consume(UUID accountId) {
        ConsumptionProbe probe = buckets.builder()
            .build("uploads:" + accountId, () -> perMinute)
            .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
            throw new ApiException(429, "Too many uploads for this account; try again in " + seconds + " s",
                    "RATE_LIMITED", Map.of("retryAfterSeconds", seconds));
        }
    }

}
