package io.dataforge.query;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.dataforge.IntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.datasets.ColumnType;
import io.dataforge.datasets.Dataset;
import io.dataforge.datasets.DatasetCatalog;
import io.dataforge.datasets.DatasetColumn;
import io.dataforge.platform.web.ApiException;
import io.dataforge.query.sql.CompiledQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A query running past the statement timeout is stopped by PostgreSQL and answered with a
 * clear 422.
 */
@IntegrationTest
class QueryTimeoutIT {

    @Autowired
    DataSource dataSource;

    @Autowired
    DatasetCatalog datasets;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Test
    void aRunawayQueryIsStoppedWithQueryTimeout() throws Exception {
        String name = "timeout_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.update("INSERT INTO dataset_definitions (name, definition) VALUES (?, ?::jsonb)", name,
                json.writeValueAsString(new Dataset(name,
                        List.of(new DatasetColumn("id", ColumnType.BIGINT, 0, 0, false, false)), false, null)));
        QueryExecutor executor = new QueryExecutor(dataSource, datasets,
                new QueryProperties(Duration.ofMillis(50), 1, Duration.ofSeconds(1), Duration.ofDays(1)));
        CompiledQuery runaway = new CompiledQuery("SELECT count(*) FROM generate_series(1, 500000000) g", List.of(),
                "SELECT 1", List.of(), List.of("count"));

        ApiException stopped;
        try {
            stopped = catchThrowableOfType(ApiException.class, () -> {
                try (QueryExecutor.Snapshot snapshot = executor.open(name)) {
                    snapshot.run(runaway, false, rs -> rs.next());
                }
            });
        }
        finally {
            // a declaration with no table would trip whatever walks every dataset later
            // (a tenant purge)
            jdbc.update("DELETE FROM dataset_definitions WHERE name = ?", name);
        }

        assertThat(stopped.status()).isEqualTo(422);
        assertThat(stopped.code()).isEqualTo("QUERY_TIMEOUT");
        assertThat(stopped.getMessage()).contains("longer than 50 ms and was stopped");
    }

}
