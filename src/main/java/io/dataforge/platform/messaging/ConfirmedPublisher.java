package io.dataforge.platform.messaging;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes a persistent message and waits for the broker's confirm: the outboxes
 * (uploads, export jobs) mark a row published only when this answers true, and send the
 * rest again later; a refused export order is acknowledged only once its dead letter is
 * confirmed.
 */
@Component
public class ConfirmedPublisher {

    private static final Logger log = LoggerFactory.getLogger(ConfirmedPublisher.class);

    private static final long CONFIRM_TIMEOUT_MS = 10_000;

    private final RabbitTemplate rabbit;

    ConfirmedPublisher(RabbitTemplate rabbit) {
        this.rabbit = rabbit;
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
        try {
            rabbit.invoke(channel -> {
                channel.convertAndSend(exchange, routingKey, body, message -> {
                    headers.forEach(message.getMessageProperties()::setHeader);
                    return message;
                });
                channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
                return null;
            });
            return true;
        }
        catch (AmqpException e) {
            log.warn("Message to {} '{}' not confirmed by the broker ({}); the caller sends it again", exchange,
                    routingKey, e.getMessage());
            return false;
        }
    }

}
