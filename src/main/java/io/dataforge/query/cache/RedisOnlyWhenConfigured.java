package io.dataforge.query.cache;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Redis is optional: unless {@code spring.data.redis.host} or {@code .url} is set, Boot's Redis auto-configuration
 * is left out, which it would otherwise apply because the client is on the class path. Its Lettuce client with its
 * Netty event loops, Reactor and Spring Data repositories cost about a thousand classes and their threads in every
 * instance that never talks to Redis.
 */
public class RedisOnlyWhenConfigured implements EnvironmentPostProcessor, Ordered {

    private static final String EXCLUDE = "spring.autoconfigure.exclude";
    private static final Set<String> REDIS = Set.of(
            "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
            "org.springframework.boot.autoconfigure.data.redis.RedisReactiveAutoConfiguration",
            "org.springframework.boot.autoconfigure.data.redis.RedisRepositoriesAutoConfiguration");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (configured(environment)) {
            return;
        }
        Set<String> excluded = new LinkedHashSet<>(StringUtils.commaDelimitedListToSet(environment.getProperty(EXCLUDE, "")));
        excluded.remove("");
        excluded.addAll(REDIS);
        environment.getPropertySources().addFirst(new MapPropertySource("redis-only-when-configured",
                Map.of(EXCLUDE, String.join(",", excluded))));
    }

    static boolean configured(ConfigurableEnvironment environment) {
        return environment.containsProperty("spring.data.redis.host") || environment.containsProperty("spring.data.redis.url");
    }

    @Override
    public int getOrder() {
        // after application.yml, profiles and the .env file are read
        return Ordered.LOWEST_PRECEDENCE - 20;
    }
}
