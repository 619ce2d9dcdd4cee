package io.dataforge.platform.camel;

import java.time.Duration;

import org.apache.camel.Processor;

/**
 * A capability's own redelivery for a route that delivers to someone else's server (a
 * callback): the route configuration {@code id} that {@link ErrorHandlingRoutes} makes of
 * it tries {@code retries} more times after the first, waiting {@code firstDelay} and
 * then twice as long each time; once it gives up it runs {@code onGiveUp}, records a dead
 * letter and takes the message off its queue (the failure is recorded; the broker holds
 * nothing more).
 */
public record DeliveryPolicy(String id, int retries, Duration firstDelay, Processor onGiveUp) {
}
