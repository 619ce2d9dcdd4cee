package io.dataforge.query;

import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.platform.messaging.MessagingProperties;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code query.cache-evict}: every instance hears {@code upload.completed} on a queue of its own (exclusive,
 * deleted with its connection) and forgets its cached answers over that dataset.
 */
@Component
class QueryCacheRoutes extends EndpointRouteBuilder {

    private final QueryCache cache;
    private final MessagingProperties messaging;
    private final ObjectMapper json;

    QueryCacheRoutes(QueryCache cache, MessagingProperties messaging, ObjectMapper json) {
        this.cache = cache;
        this.messaging = messaging;
        this.json = json;
    }

    @Override
    public void configure() {
        from(springRabbitmq(messaging.eventsExchange())
                .queues("dataforge.query.cache." + UUID.randomUUID())
                .routingKey("upload.completed")
                .exchangeType("topic")
                .autoDeclare(true)
                .advanced()
                .args("queue.durable", false)
                .args("queue.autoDelete", true)
                .args("queue.exclusive", true))
                .routeId("query.cache-evict")
                .process(e -> cache.evict(json.readTree(e.getMessage().getBody(String.class)).path("dataset").asText()));
    }
}
