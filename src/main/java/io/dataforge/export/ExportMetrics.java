package io.dataforge.export;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How each render ended, in the log with the job's id and in the meters
 * {@code dataforge.export.duration{format,outcome}} (succeeded, failed, canceled,
 * gave-up: dead-lettered after the redeliveries; buckets for the SLO panels) and
 * {@code dataforge.export.rows{format}}.
 */
@Component
class ExportMetrics {

    private static final Logger log = LoggerFactory.getLogger(ExportMetrics.class);

    private static final Duration[] DURATION_BUCKETS = { Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(15), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15) };

    private final MeterRegistry meters;

    ExportMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void started(ExportJob job) {
        log.info("Rendering export {} ({}{}) of {}, attempt {}", job.id(), job.format().extension(),
                job.compression().suffix(), job.dataset(), job.attempt());
    }

    void ended(ExportJob job, String outcome, long rows, Duration took) {
        log.info("Export {} {}: {} rows in {} ms", job.id(), outcome, rows, took.toMillis());
        record(job, outcome, took);
        Counter.builder("dataforge.export.rows")
            .description("rows written to export files")
            .tag("format", job.format().extension())
            .register(meters)
            .increment(rows);
    }

    void gaveUp(ExportJob job, String reason) {
        log.warn("Export {} gave up after its redeliveries: {}", job.id(), reason);
        record(job, "gave-up", Duration.ZERO);
    }

    private void record(ExportJob job, String outcome, Duration took) {
        Timer.builder("dataforge.export.duration")
            .description("renders, from the claim to the stored file")
            .tag("format", job.format().extension())
            .tag("outcome", outcome)
            .serviceLevelObjectives(DURATION_BUCKETS)
            .register(meters)
            .record(took);
    }

}
