package io.dataforge.query;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.platform.messaging.MessagingProperties;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * {@code query.cache-evict}: every instance hears {@code upload.completed} on a queue of its own and forgets its
 * cached answers over that dataset. The queue outlives a cancelled consumer or a dropped connection (neither
 * exclusive nor auto-delete: an exclusive auto-delete queue was gone after a broker blip, and eviction with it), is
 * declared again with its binding on every connection (Spring AMQP declarables, so also after a broker restart), and
 * expires an hour after its instance is gone (x-expires; RabbitMQ).
 */
@Component
class QueryCacheRoutes extends EndpointRouteBuilder {

    private static final Queue EVICTIONS = new Queue("dataforge.query.cache." + UUID.randomUUID(), false, false, false,
            Map.of("x-expires", 3_600_000));

    private final QueryCache cache;
    private final MessagingProperties messaging;
    private final ObjectMapper json;

    QueryCacheRoutes(QueryCache cache, MessagingProperties messaging, ObjectMapper json) {
        this.cache = cache;
        this.messaging = messaging;
        this.json = json;
    }

    @Bean
    static Declarables queryCacheEvictions(MessagingProperties messaging) {
        return new Declarables(EVICTIONS, new Binding(EVICTIONS.getName(), Binding.DestinationType.QUEUE,
                messaging.eventsExchange(), "upload.completed", null));
    }

    @Override
    public void configure() {
        from(springRabbitmq(messaging.eventsExchange()).queues(EVICTIONS.getName()).autoDeclare(false))
                .routeId("query.cache-evict")
                .process(e -> cache.evict(json.readTree(e.getMessage().getBody(String.class)).path("dataset").asText()));
    }
}
