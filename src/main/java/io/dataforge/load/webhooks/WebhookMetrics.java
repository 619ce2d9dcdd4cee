package io.dataforge.load.webhooks;

import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Each callback attempt in the log with its upload's id, and its outcome in
 * {@code dataforge.webhooks.deliveries{outcome}}: delivered, refused (a non-2xx answer),
 * unreachable, blocked (the URL now resolves to an address not allowed), gave-up (the
 * retries spent).
 */
@Component
class WebhookMetrics {

    private static final Logger log = LoggerFactory.getLogger(WebhookMetrics.class);

    private final MeterRegistry meters;

    WebhookMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void attempt(UUID upload, int attempt) {
        log.info("Delivering the callback of upload {}, attempt {}", upload, attempt);
    }

    void ended(UUID upload, String outcome, String detail) {
        if ("delivered".equals(outcome)) {
            log.info("Callback of upload {} delivered", upload);
        }
        else {
            log.warn("Callback of upload {} {}: {}", upload, outcome, detail);
        }
        Counter.builder("dataforge.webhooks.deliveries")
            .description("callback attempts, by outcome")
            .tag("outcome", outcome)
            .register(meters)
            .increment();
    }

}
