package io.dataforge.query.cache;

import java.util.Map;
import java.util.UUID;

import io.dataforge.platform.messaging.MessagingProperties;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Redis when {@code spring.data.redis.host} or {@code .url} is set (Boot's own names,
 * bound here because Boot's Redis auto-configuration needs Spring Data Redis, which is
 * not on the classpath), so that instances share answers; else Caffeine in the instance.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisProperties.class)
class QueryCacheConfig {

    private static final String REDIS_SET = "'${spring.data.redis.host:}' != '' or '${spring.data.redis.url:}' != ''";

    @Bean
    @ConditionalOnExpression("!(" + REDIS_SET + ")")
    QueryCache localQueryCache() {
        return new LocalQueryCache();
    }

    @Bean
    @ConditionalOnExpression(REDIS_SET)
    RedisQueryCache redisQueryCache(RedisProperties redis) {
        return new RedisQueryCache(RedisClient.create(uri(redis)));
    }

    /**
     * Redis in the health when it is configured: the instances' shared answers live
     * there.
     */
    @Bean
    @ConditionalOnExpression(REDIS_SET)
    HealthIndicator redisHealthIndicator(RedisQueryCache cache) {
        return () -> {
            try {
                return Health.up().withDetail("ping", cache.ping()).build();
            }
            catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }

    /**
     * This instance's queue of {@code upload.completed} events (see
     * {@link QueryCacheRoutes}).
     */
    @Bean
    Declarables queryCacheEvictions(MessagingProperties messaging) {
        Queue queue = new Queue("dataforge.query.cache." + UUID.randomUUID(), false, false, false,
                Map.of("x-expires", 3_600_000));
        return new Declarables(queue, new Binding(queue.getName(), Binding.DestinationType.QUEUE,
                messaging.eventsExchange(), "upload.completed", null));
    }

    private static RedisURI uri(RedisProperties redis) {
        if (StringUtils.hasText(redis.getUrl())) {
            return RedisURI.create(redis.getUrl());
        }
        RedisURI.Builder uri = RedisURI.builder()
            .withHost(redis.getHost())
            .withPort(redis.getPort())
            .withDatabase(redis.getDatabase())
            .withSsl(redis.getSsl().isEnabled());
        if (StringUtils.hasText(redis.getPassword())) {
            uri = StringUtils.hasText(redis.getUsername())
                    ? uri.withAuthentication(redis.getUsername(), redis.getPassword().toCharArray())
                    : uri.withPassword(redis.getPassword().toCharArray());
        }
        if (redis.getTimeout() != null) {
            uri = uri.withTimeout(redis.getTimeout());
        }
        return uri.build();
    }

}
