package io.dataforge.platform.camel;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The shared error handling routes opt into with {@code routeConfigurationId}.
 * <ul>
 *   <li>{@value #WORKER}: redeliver with exponential backoff; when that fails, record the exchange in
 *   {@code dead_letters} and let the failure reach the consumer, so a broker message is rejected into its
 *   DLQ and a file is not marked done.</li>
 *   <li>{@value #REST}: answer with the standard error body (see {@link WriteErrorBodyProcessor}).</li>
 * </ul>
 */
@Component
public class ErrorHandlingRoutes extends RouteConfigurationBuilder {

    public static final String WORKER = "platform.worker";
    public static final String REST = "platform.rest";

    private final CamelProperties props;
    private final RecordDeadLetterProcessor recordDeadLetter;
    private final WriteErrorBodyProcessor writeErrorBody;

    ErrorHandlingRoutes(CamelProperties props, RecordDeadLetterProcessor recordDeadLetter,
                        WriteErrorBodyProcessor writeErrorBody) {
        this.props = props;
        this.recordDeadLetter = recordDeadLetter;
        this.writeErrorBody = writeErrorBody;
    }

    @Override
    public void configuration() {
        routeConfiguration(WORKER)
                .onException(Exception.class)
                .maximumRedeliveries(props.maximumRedeliveries())
                .redeliveryDelay(props.redeliveryDelay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(props.backoffMultiplier())
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .handled(false)
                .process(recordDeadLetter);

        routeConfiguration(REST)
                .onException(Exception.class)
                .handled(true)
                .process(writeErrorBody);
    }
}
