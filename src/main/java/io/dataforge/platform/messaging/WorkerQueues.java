package io.dataforge.platform.messaging;

import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.util.URISupport;
import org.springframework.stereotype.Component;

/**
 * Endpoint URIs for worker queues: durable, persistent, and dead-lettered into
 * {@code <queue>.dlq} through a fanout {@code <queue>.dlx}. The arguments are the set
 * that behaves the same on RabbitMQ and on the embedded Qpid broker: RabbitMQ reads
 * {@code x-dead-letter-exchange}; Qpid ignores it (logged) and dead-letters through
 * {@code alternateExchange} once {@code x-qpid-maximum-delivery-count} is reached.
 */
@Component
public class WorkerQueues {

    private final MessagingProperties props;

    private final QueueDepths depths;

    WorkerQueues(MessagingProperties props, QueueDepths depths) {
        this.props = props;
        this.depths = depths;
    }

    /**
     * Consumer of {@code queue}, bound to {@code exchange} (direct) with the queue's name
     * as routing key, {@code concurrentConsumers} threads each holding at most
     * {@code prefetchCount} unacknowledged messages.
     */
    public String consumer(String exchange, String queue, int concurrentConsumers, int prefetchCount) {
        Map<String, Object> options = options(queue, "direct", queue);
        options.put("concurrentConsumers", concurrentConsumers);
        options.put("prefetchCount", prefetchCount);
        return uri(exchange, options);
    }

    /**
     * Consumer of {@code queue} bound to the topic {@code exchange} for
     * {@code routingKey} (domain events), dead-lettered like a worker queue.
     */
    public String subscriber(String exchange, String routingKey, String queue) {
        return uri(exchange, options(queue, "topic", routingKey));
    }

    private Map<String, Object> options(String queue, String exchangeType, String routingKey) {
        String dlx = deadLetterExchange(queue);
        depths.watch(queue);
        depths.watch(deadLetterQueue(queue));
        Map<String, Object> options = new TreeMap<>();
        options.put("queues", queue);
        options.put("routingKey", routingKey);
        options.put("exchangeType", exchangeType);
        options.put("autoDeclare", true);
        options.put("rejectAndDontRequeue", true);
        // redelivery belongs to the route's error handler (platform.worker), not to a
        // second retry loop
        options.put("maximumRetryAttempts", 1);
        options.put("deadLetterExchange", dlx);
        options.put("deadLetterExchangeType", "fanout");
        options.put("deadLetterQueue", deadLetterQueue(queue));
        options.put("deadLetterRoutingKey", queue);
        // a thread per consumer: with the direct container every listener runs on the
        // AMQP client's few shared dispatch threads (twice the cores), so long exports
        // and loads starved every other consumer
        options.put("messageListenerContainerType", "SMLC");
        options.put("arg.queue.durable", true);
        options.put("arg.queue.alternateExchange", dlx);
        options.put("arg.queue.x-qpid-maximum-delivery-count", 1);
        return options;
    }

    private static String uri(String exchange, Map<String, Object> options) {
        return "spring-rabbitmq:" + exchange + "?" + URISupport.createQueryString(options);
    }

    public String deadLetterQueue(String queue) {
        return queue + props.deadLetterSuffix();
    }

    String deadLetterExchange(String queue) {
        return queue + ".dlx";
    }

}
