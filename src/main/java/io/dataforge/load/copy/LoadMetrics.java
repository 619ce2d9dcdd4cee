package io.dataforge.load.copy;

import java.time.Duration;
import java.time.Instant;

import io.dataforge.load.Upload;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The load meters: {@code dataforge.load.uploads{outcome}} (completed, failed, gave-up:
 * dead-lettered after the redeliveries), {@code dataforge.load.rows} (rows created; its
 * rate is the rows loaded per second) and {@code dataforge.load.lag{outcome}}, from the
 * upload's 202 to the end of its load, with buckets for the SLO panels.
 */
@Component
class LoadMetrics {

    private static final Duration[] LAG_BUCKETS = { Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(15), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15) };

    private final MeterRegistry meters;

    private final Counter rows;

    LoadMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.rows = Counter.builder("dataforge.load.rows").description("rows created by loads").register(meters);
    }

    void finished(Upload upload, LoadResult result) {
        boolean completed = result.outcome() == LoadResult.Outcome.COMPLETED;
        String outcome = completed ? "completed" : "failed";
        uploads(outcome).increment();
        if (completed) {
            rows.increment(result.createdRows());
        }
        Timer.builder("dataforge.load.lag")
            .description("from the upload's 202 to the end of its load")
            .tag("outcome", outcome)
            .serviceLevelObjectives(LAG_BUCKETS)
            .register(meters)
            .record(Duration.between(upload.createdAt().toInstant(), Instant.now()));
    }

    void gaveUp() {
        uploads("gave-up").increment();
    }

    private Counter uploads(String outcome) {
        return Counter.builder("dataforge.load.uploads")
            .description("loads ended, by outcome")
            .tag("outcome", outcome)
            .register(meters);
    }

}
