package io.dataforge.export;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.identity.AuthorizationHeaders;
import io.dataforge.platform.messaging.ConfirmedPublisher;
import io.dataforge.platform.messaging.WorkerQueues;
import io.dataforge.platform.web.ApiException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code export.requests}: an order published by another system, the body as
 * {@code POST /api/v1/exports} takes it, and in the {@code Authorization} header the
 * caller's bearer token or an API client's Basic credentials. It creates (or finds) the
 * job exactly as REST does; with {@code reply_to} set, {@code {jobId, state, created}} is
 * published there under the message's correlation id. An order refused (bad token, bad
 * body, a query that does not plan) goes to the export dead-letter queue with the reason
 * in {@code x-dataforge-error} and its status in {@code x-dataforge-status}, and the
 * reply, if asked for, says why.
 */
@Component
class OrderFromQueueProcessor implements Processor {

    /** The reply to an order refused. */
    record Refused(String error, int status) {
    }

    private static final Logger log = LoggerFactory.getLogger(OrderFromQueueProcessor.class);

    private final AuthorizationHeaders callers;

    private final ExportOrders orders;

    private final RabbitTemplate rabbit;

    private final ConfirmedPublisher publisher;

    private final WorkerQueues queues;

    private final ExportProperties props;

    private final ObjectMapper json;

    OrderFromQueueProcessor(AuthorizationHeaders callers, ExportOrders orders, RabbitTemplate rabbit,
            ConfirmedPublisher publisher, WorkerQueues queues, ExportProperties props, ObjectMapper json) {
        this.callers = callers;
        this.orders = orders;
        this.rabbit = rabbit;
        this.publisher = publisher;
        this.queues = queues;
        this.props = props;
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String body = exchange.getMessage().getBody(String.class);
        String replyTo = exchange.getMessage().getHeader("CamelSpringRabbitmqReplyTo", String.class);
        String correlationId = exchange.getMessage().getHeader("CamelSpringRabbitmqCorrelationId", String.class);
        Object reply;
        try {
            reply = orders.order(callers.caller(exchange.getMessage().getHeader("Authorization", String.class)),
                    exchange);
        }
        catch (ApiException e) {
            log.warn("Export order from {} refused ({} {}); dead-lettered", props.requestsQueue(), e.status(),
                    e.getMessage());
            // straight to the queue (default exchange): it is there as soon as the export
            // workers' consumer declared
            // it. Only once the broker confirmed it is the order itself acknowledged;
            // else it comes back and retries.
            if (!publisher.publish("", queues.deadLetterQueue(props.queue()), body == null ? "" : body,
                    Map.of("x-dataforge-error", e.getMessage(), "x-dataforge-status", e.status(), "x-dataforge-source",
                            props.requestsQueue()))) {
                throw new IllegalStateException("The refused order could not be dead-lettered yet", e);
            }
            reply = new Refused(e.getMessage(), e.status());
        }
        if (replyTo != null && !replyTo.isBlank()) {
            String text = json.writeValueAsString(reply);
            rabbit.convertAndSend("", replyTo, text, message -> {
                MessageProperties properties = message.getMessageProperties();
                properties.setCorrelationId(correlationId);
                properties.setContentType("application/json");
                return message;
            });
        }
    }

}
