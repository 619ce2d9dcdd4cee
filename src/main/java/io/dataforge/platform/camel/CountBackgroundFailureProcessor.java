package io.dataforge.platform.camel;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The failure of work that runs again by itself (a timer's next tick, the next event):
 * logged with its route and counted in
 * {@code dataforge.camel.background.failures{route}}, which an alert can watch; the next
 * run is its replay.
 */
@Component
class CountBackgroundFailureProcessor implements Processor {

    private static final Logger log = LoggerFactory.getLogger(CountBackgroundFailureProcessor.class);

    private final MeterRegistry meters;

    CountBackgroundFailureProcessor(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String route = exchange.getFromRouteId() != null ? exchange.getFromRouteId() : "unknown";
        meters.counter("dataforge.camel.background.failures", "route", route).increment();
        log.warn("{} failed, it runs again on its own: {}", route, cause == null ? "unknown" : cause.toString());
    }

}
