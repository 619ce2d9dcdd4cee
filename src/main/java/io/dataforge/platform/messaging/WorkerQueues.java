package io.dataforge.platform.messaging;

import org.apache.camel.builder.endpoint.StaticEndpointBuilders;
import org.apache.camel.builder.endpoint.dsl.SpringRabbitMQEndpointBuilderFactory.SpringRabbitMQEndpointProducerBuilder;
import org.apache.camel.builder.endpoint.dsl.SpringRabbitMQEndpointBuilderFactory.SpringRabbitMQEndpointConsumerBuilder;
import org.springframework.stereotype.Component;

/**
 * Endpoints for worker queues: durable, persistent, and dead-lettered into
 * {@code <queue>.dlq} through a fanout {@code <queue>.dlx}. The arguments are the set
 * that behaves the same on RabbitMQ and on the embedded Qpid broker: RabbitMQ reads
 * {@code x-dead-letter-exchange}; Qpid ignores it (logged) and dead-letters through
 * {@code alternateExchange} once {@code x-qpid-maximum-delivery-count} is reached.
 */
@Component
public class WorkerQueues {

    private final MessagingProperties props;

    WorkerQueues(MessagingProperties props) {
        this.props = props;
    }

    /**
     * Consumer of {@code queue}, bound to {@code exchange} (direct) with the queue's name
     * as routing key.
     */
    public SpringRabbitMQEndpointConsumerBuilder consumer(String exchange, String queue) {
        String dlx = deadLetterExchange(queue);
        return StaticEndpointBuilders.springRabbitmq(exchange)
            .queues(queue)
            .routingKey(queue)
            .exchangeType("direct")
            .autoDeclare(true)
            .rejectAndDontRequeue(true)
            // redelivery belongs to the route's error handler (platform.worker), not to a
            // second retry loop
            .maximumRetryAttempts(1)
            .deadLetterExchange(dlx)
            .deadLetterExchangeType("fanout")
            .deadLetterQueue(deadLetterQueue(queue))
            .deadLetterRoutingKey(queue)
            .advanced()
            // a thread per consumer: with the direct container every listener runs on the
            // AMQP client's few
            // shared dispatch threads (twice the cores), so long exports and loads
            // starved every other consumer
            .messageListenerContainerType("SMLC")
            .args("queue.durable", true)
            .args("queue.alternateExchange", dlx)
            .args("queue.x-qpid-maximum-delivery-count", 1)
            .basic();
    }

    /**
     * Consumer of {@code queue} bound to the topic {@code exchange} for
     * {@code routingKey} (domain events), dead-lettered like a worker queue; the exchange
     * is declared elsewhere (see MessagingConfig), so it is not declared here.
     */
    public SpringRabbitMQEndpointConsumerBuilder subscriber(String exchange, String routingKey, String queue) {
        return consumer(exchange, queue).exchangeType("topic").routingKey(routingKey);
    }

    /**
     * Producer that publishes persistent messages for {@code queue} on {@code exchange}.
     */
    public SpringRabbitMQEndpointProducerBuilder producer(String exchange, String queue) {
        SpringRabbitMQEndpointProducerBuilder producer = StaticEndpointBuilders.springRabbitmq(exchange);
        return producer.routingKey(queue);
    }

    public String deadLetterQueue(String queue) {
        return queue + props.deadLetterSuffix();
    }

    String deadLetterExchange(String queue) {
        return queue + ".dlx";
    }

}
