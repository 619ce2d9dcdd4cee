package io.dataforge.platform.camel;

import java.util.List;

import io.dataforge.platform.web.ApiException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.springframework.stereotype.Component;

/**
 * The shared error handling routes opt into with {@code routeConfigurationId}.
 * <ul>
 * <li>{@value #WORKER}: redeliver with exponential backoff; when that fails, record the
 * exchange in {@code dead_letters} and let the failure reach the consumer, so a broker
 * message is rejected into its DLQ and a file is not marked done. A client error
 * ({@link ApiException} 4xx, but for those a later attempt can pass) is recorded at once,
 * without redelivery.</li>
 * <li>{@value #REST}: answer with the standard error body (see
 * {@link WriteErrorBodyProcessor}).</li>
 * <li>{@value #BACKGROUND}: work that runs again by itself (timers, cache evictions): no
 * redelivery and no dead letter; the failure is logged and counted per route
 * ({@link CountBackgroundFailureProcessor}).</li>
 * <li>{@value #INLINE}: a route that a caller waits on (another route, a bean): no
 * redelivery here, the failure goes back to the caller, whose own configuration
 * decides.</li>
 * <li>one per {@link DeliveryPolicy} a capability declares, under its id.</li>
 * </ul>
 */
@Component
public class ErrorHandlingRoutes extends RouteConfigurationBuilder {

    public static final String WORKER = "platform.worker";

    public static final String REST = "platform.rest";

    public static final String BACKGROUND = "platform.background";

    public static final String INLINE = "platform.inline";

    private final CamelProperties props;

    private final RecordDeadLetterProcessor recordDeadLetter;

    private final WriteErrorBodyProcessor writeErrorBody;

    private final CountBackgroundFailureProcessor countBackgroundFailure;

    private final List<DeliveryPolicy> deliveries;

    ErrorHandlingRoutes(CamelProperties props, RecordDeadLetterProcessor recordDeadLetter,
            WriteErrorBodyProcessor writeErrorBody, CountBackgroundFailureProcessor countBackgroundFailure,
            List<DeliveryPolicy> deliveries) {
        this.props = props;
        this.recordDeadLetter = recordDeadLetter;
        this.writeErrorBody = writeErrorBody;
        this.countBackgroundFailure = countBackgroundFailure;
        this.deliveries = deliveries;
    }

    @Override
    public void configuration() {
        RouteConfigurationDefinition worker = routeConfiguration(WORKER);
        // a client error (bad input, unknown or forbidden item) comes out the same on
        // every attempt; one that a
        // failure only wraps is that failure's, retried like any other
        worker.onException(ApiException.class)
            .onWhen(exchange -> exchange.getException() instanceof ApiException e && isPermanent(e))
            .maximumRedeliveries(0)
            .handled(false)
            .process(recordDeadLetter);
        worker.onException(Exception.class)
            .maximumRedeliveries(props.maximumRedeliveries())
            .redeliveryDelay(props.redeliveryDelay().toMillis())
            .useExponentialBackOff()
            .backOffMultiplier(props.backoffMultiplier())
            .retryAttemptedLogLevel(LoggingLevel.WARN)
            .handled(false)
            .process(recordDeadLetter);

        routeConfiguration(REST).onException(Exception.class).handled(true).process(writeErrorBody);

        routeConfiguration(BACKGROUND).onException(Exception.class)
            .maximumRedeliveries(0)
            .handled(true)
            .process(countBackgroundFailure);

        routeConfiguration(INLINE).onException(Exception.class).maximumRedeliveries(0).handled(false);

        for (DeliveryPolicy delivery : deliveries) {
            routeConfiguration(delivery.id()).onException(Exception.class)
                .maximumRedeliveries(delivery.retries())
                .redeliveryDelay(delivery.firstDelay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .handled(true)
                .process(delivery.onGiveUp())
                .process(recordDeadLetter);
        }
    }

    /**
     * 4xx but those a later attempt can pass: timeout, conflict, too early, too many
     * requests.
     */
    private static boolean isPermanent(ApiException e) {
        int status = e.status();
        return status >= 400 && status < 500 && status != 408 && status != 409 && status != 425 && status != 429;
    }

}
