package io.dataforge.query.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.messaging.MessagingProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * {@code query.cache-evict}: every instance hears {@code upload.completed} on a queue of
 * its own and forgets its cached answers over that dataset. The queue outlives a
 * cancelled consumer or a dropped connection (neither exclusive nor auto-delete: an
 * exclusive auto-delete queue was gone after a broker blip, and eviction with it), is
 * declared again with its binding on every connection (Spring AMQP declarables, so also
 * after a broker restart), and expires an hour after its instance is gone (x-expires;
 * RabbitMQ). Its name is made per application context, since test contexts share a JVM.
 */
@Component
class QueryCacheRoutes extends RouteBuilder {

    private final QueryCache cache;

    private final MessagingProperties messaging;

    private final ObjectMapper json;

    private final String queue;

    QueryCacheRoutes(QueryCache cache, MessagingProperties messaging, ObjectMapper json,
            @Qualifier("queryCacheEvictions") Declarables evictions) {
        this.cache = cache;
        this.messaging = messaging;
        this.json = json;
        this.queue = evictions.getDeclarablesByType(Queue.class).get(0).getName();
    }

    @Override
    public void configure() {
        from("spring-rabbitmq:" + messaging.eventsExchange() + "?autoDeclare=false&queues=" + queue)
            .routeId("query.cache-evict")
            .routeConfigurationId(ErrorHandlingRoutes.BACKGROUND)
            .process(e -> cache.evict(json.readTree(e.getMessage().getBody(String.class)).path("dataset").asText()));
    }

}
