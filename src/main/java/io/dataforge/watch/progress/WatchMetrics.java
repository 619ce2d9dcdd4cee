package io.dataforge.watch.progress;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code dataforge.watch.files{outcome=completed|failed|retried}},
 * {@code dataforge.watch.objects} and the queue length {@code dataforge.watch.queued},
 * for dashboards and alerts on the watched folder.
 */
@Component
public class WatchMetrics {

    private final MeterRegistry meters;

    WatchMetrics(MeterRegistry meters, WatchState state) {
        this.meters = meters;
        meters.gauge("dataforge.watch.queued", state, WatchState::queuedCount);
    }

    void file(String outcome) {
        meters.counter("dataforge.watch.files", "outcome", outcome).increment();
    }

    public void object() {
        meters.counter("dataforge.watch.objects").increment();
    }

}
