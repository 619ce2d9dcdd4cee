package io.dataforge.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.platform.messaging.MessagingProperties;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Base64UrlNamingStrategy;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarables;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * {@code query.cache-evict}: every instance hears {@code upload.completed} on a queue of its own (exclusive,
 * deleted with its connection) and forgets its cached answers over that dataset. The queue and its binding are
 * Spring AMQP declarables, so they are declared again on every reconnection: a queue declared once by the endpoint
 * would be gone after a broker blip, and eviction with it.
 */
@Component
class QueryCacheRoutes extends EndpointRouteBuilder {

    private static final AnonymousQueue EVICTIONS = new AnonymousQueue(new Base64UrlNamingStrategy("dataforge.query.cache."));

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
