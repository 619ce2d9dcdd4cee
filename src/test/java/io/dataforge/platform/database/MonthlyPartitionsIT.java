package io.dataforge.platform.database;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import io.dataforge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replicas starting together all make sure of the months' partitions at once: none fails,
 * and each month has its one partition.
 */
@IntegrationTest
class MonthlyPartitionsIT {

    private static final int REPLICAS = 6;

    private static final int AHEAD = 5;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void replicasCreatingTheSamePartitionsAtOnceAllSucceed() throws Exception {
        String table = "it_parts_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.execute("CREATE TABLE " + table + " (at timestamptz NOT NULL) PARTITION BY RANGE (at)");
        ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<List<String>>> runs = IntStream.range(0, REPLICAS)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    return MonthlyPartitions.ensure(jdbc, table, AHEAD);
                }, replicas))
                .toList();
            start.countDown();

            List<String> first = runs.get(0).join();
            runs.forEach(run -> assertThat(run.join()).isEqualTo(first));
            assertThat(first).hasSize(AHEAD + 1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_inherits WHERE inhparent = ?::regclass", Long.class,
                    table))
                .isEqualTo(AHEAD + 1);
        }
        finally {
            replicas.shutdownNow();
            jdbc.execute("DROP TABLE " + table);
        }
    }

    private static void awaitQuietly(CountDownLatch start) {
        try {
            start.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
