package io.dataforge.query.cache;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class RedisOnlyWhenConfiguredTest {

    @Test
    void withoutAHostRedisAutoConfigurationIsLeftOutAndOtherExclusionsStay() {
        StandardEnvironment environment = environment(Map.of("spring.autoconfigure.exclude", "com.example.Other"));

        new RedisOnlyWhenConfigured().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.autoconfigure.exclude", String[].class)).containsExactlyInAnyOrder(
                "com.example.Other",
                "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
                "org.springframework.boot.autoconfigure.data.redis.RedisReactiveAutoConfiguration",
                "org.springframework.boot.autoconfigure.data.redis.RedisRepositoriesAutoConfiguration");
    }

    @Test
    void aHostOrAUrlKeepsIt() {
        for (String key : new String[] {"spring.data.redis.host", "spring.data.redis.url"}) {
            StandardEnvironment environment = environment(Map.of(key, "redis.example"));

            new RedisOnlyWhenConfigured().postProcessEnvironment(environment, new SpringApplication());

            assertThat(environment.getProperty("spring.autoconfigure.exclude")).as(key).isNull();
        }
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
