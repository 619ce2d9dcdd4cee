package io.dataforge.load.staging;

import java.util.UUID;

import javax.sql.DataSource;

import io.dataforge.IntegrationTest;
import io.dataforge.load.LoadProperties;
import io.dataforge.platform.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The per-tenant upload budget lives in PostgreSQL: two instances (two limiters on one
 * database) share it.
 */
@IntegrationTest
class UploadRateLimitIT {

    @Autowired
    DataSource dataSource;

    @Autowired
    LoadProperties props;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoInstancesShareOneBudgetPerTenant() {
        UploadRateLimit first = new UploadRateLimit(dataSource, props);
        UploadRateLimit second = new UploadRateLimit(dataSource, props);
        UUID tenant = UUID.randomUUID();
        for (int i = 0; i < props.uploadsPerMinute(); i++) {
            (i % 2 == 0 ? first : second).consume(tenant);
        }

        ApiException refused = catchThrowableOfType(ApiException.class, () -> second.consume(tenant));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(catchThrowableOfType(ApiException.class, () -> first.consume(tenant)).status()).isEqualTo(429);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rate_limit_buckets WHERE id = ?", Long.class,
                "uploads:" + tenant))
            .isEqualTo(1);
        first.consume(UUID.randomUUID()); // another tenant still has its own
    }

}
