package io.dataforge.query;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.dataforge.IntegrationTest;
import io.dataforge.platform.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A query running past the statement timeout is stopped by PostgreSQL and answered with a clear 422. */
@IntegrationTest
class QueryTimeoutIT {

    @Autowired
    DataSource dataSource;

    @Test
    void aRunawayQueryIsStoppedWithQueryTimeout() {
        QueryExecutor executor = new QueryExecutor(dataSource, new QueryProperties(Duration.ofMillis(50)));
        CompiledQuery runaway = new CompiledQuery("SELECT count(*) FROM generate_series(1, 500000000) g", List.of(),
                "SELECT 1", List.of(), List.of("count"));

        ApiException stopped = catchThrowableOfType(ApiException.class, () -> executor.run(runaway, false, rs -> rs.next()));

        assertThat(stopped.status()).isEqualTo(422);
        assertThat(stopped.code()).isEqualTo("QUERY_TIMEOUT");
        assertThat(stopped.getMessage()).contains("longer than 50 ms and was stopped");
    }
}
