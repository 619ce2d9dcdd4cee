package io.dataforge.platform.messaging;

import java.util.Map;

import io.dataforge.platform.tracing.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes a persistent message, with the current trace context in its headers, and
 * waits for the broker's confirm: the outboxes (uploads, export jobs) mark a row
 * published only when this answers true, and send the rest again later; a refused export
 * order is acknowledged only once its dead letter is confirmed.
 */
@Component
public class ConfirmedPublisher {

    private static final Logger log = LoggerFactory.getLogger(ConfirmedPublisher.class);

    private static final long CONFIRM_TIMEOUT_MS = 10_000;

    private static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");

    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");

    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");

    private final RabbitTemplate rabbit;

    private final Tracing tracing;

    ConfirmedPublisher(RabbitTemplate rabbit, Tracing tracing) {
        this.rabbit = rabbit;
        this.tracing = tracing;
    }

    /**
     * True when the broker confirmed {@code body} on {@code exchange} for
     * {@code routingKey}.
     */
    public boolean publish(String exchange, String routingKey, String body) {
        return publish(exchange, routingKey, body, Map.of());
    }

    /** As {@link #publish(String, String, String)}, with these message headers. */
    public boolean publish(String exchange, String routingKey, String body, Map<String, Object> headers) {
        String destination = exchange.isEmpty() ? routingKey : exchange;
        try {
            tracing.inSpan("publish " + destination, SpanKind.PRODUCER,
                    Attributes.of(MESSAGING_SYSTEM, "rabbitmq", DESTINATION, destination, OPERATION, "send"),
                    span -> rabbit.invoke(channel -> {
                        channel.convertAndSend(exchange, routingKey, body, message -> {
                            var properties = message.getMessageProperties();
                            headers.forEach(properties::setHeader);
                            tracing.inject(properties::setHeader);
                            return message;
                        });
                        channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
                        return null;
                    }));
            return true;
        }
        catch (AmqpException e) {
            log.warn("Message to {} '{}' not confirmed by the broker ({}); the caller sends it again", exchange,
                    routingKey, e.getMessage());
            return false;
        }
    }

}
