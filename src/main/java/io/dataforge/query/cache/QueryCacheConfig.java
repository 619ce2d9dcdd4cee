package io.dataforge.query.cache;

import java.util.Map;
import java.util.UUID;

import io.dataforge.platform.messaging.MessagingProperties;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * Redis when {@code spring.data.redis.host} or {@code .url} is set (Boot then makes its connection factory; see
 * {@link RedisOnlyWhenConfigured}), so that instances share answers; else Caffeine.
 */
@Configuration(proxyBeanMethods = false)
class QueryCacheConfig {

    @Bean
    QueryCache queryCache(ObjectProvider<RedisConnectionFactory> connections) {
        RedisConnectionFactory connectionFactory = connections.getIfAvailable();
        if (connectionFactory == null) {
            return new LocalQueryCache();
        }
        RedisTemplate<String, byte[]> redis = new RedisTemplate<>();
        redis.setConnectionFactory(connectionFactory);
        redis.setKeySerializer(RedisSerializer.string());
        redis.setValueSerializer(RedisSerializer.byteArray());
        redis.afterPropertiesSet();
        return new RedisQueryCache(redis);
    }

    /** This instance's queue of {@code upload.completed} events (see {@link QueryCacheRoutes}). */
    @Bean
    Declarables queryCacheEvictions(MessagingProperties messaging) {
        Queue queue = new Queue("dataforge.query.cache." + UUID.randomUUID(), false, false, false, Map.of("x-expires", 3_600_000));
        return new Declarables(queue, new Binding(queue.getName(), Binding.DestinationType.QUEUE,
                messaging.eventsExchange(), "upload.completed", null));
    }
}
