package io.dataforge.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;
import io.dataforge.identity.IdentityClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import redis.embedded.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code spring.data.redis.*} set, answers live in Redis (a real redis-server,
 * started here), where every instance finds them: an answer is served from Redis while
 * the table changes behind it, is made afresh once its key is gone from Redis, and a
 * completed load moves the dataset's generation on in Redis.
 */
@IntegrationTest
// the host picks the Redis cache; its port is dynamic
// a context of its own, closed after this class (see OidcAdminIT)
@DirtiesContext
@TestPropertySource(properties = { "spring.jmx.unique-names=true", "camel.main.name=data-forge-redis-it",
        "spring.data.redis.host=127.0.0.1", "dataforge.watch.dir=" })
class QueryRedisCacheIT {

    private static final int REDIS_PORT = freePort();

    private static final RedisServer REDIS = start();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.port", () -> REDIS_PORT);
    }

    /**
     * The server stops with the context, after Camel: stopped in an {@code @AfterAll} it
     * was gone while the cached context still heard other tests' loads, and an eviction
     * hung on it through shutdown.
     */
    @TestConfiguration
    static class RedisLifecycle {

        @Bean(destroyMethod = "stop")
        RedisServer embeddedRedis() {
            return REDIS;
        }

    }

    @Test
    void answersAreSharedThroughRedisAndALoadMovesTheirGenerationOn() {
        IdentityClient identity = new IdentityClient(new TestHttp(port));
        String tenant = identity.createAccount("Redis Co");
        QueryClient viewer = new QueryClient(identity, tenant, "VIEWER");
        String dataset = "r_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        HttpResponse<String> put = identity.http.send(identity.http.asAdmin("/admin/datasets/" + dataset)
            .header("Content-Type", "application/json")
            .PUT(BodyPublishers.ofString(
                    "{\"columns\": [{\"name\": \"id\", \"type\": \"bigint\"}, {\"name\": \"note\", \"type\": \"text\"}]}")));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        insert(dataset, tenant, 1);
        String q = "{\"dataset\": \"" + dataset
                + "\", \"select\": [\"id\"], \"sort\": [{\"column\": \"id\"}], \"page\": {\"limit\": 10}}";
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + REDIS_PORT);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            servedThroughRedis(viewer, connection.sync(), dataset, tenant, identity, q);
        }
        finally {
            client.shutdown();
        }
    }

    private void servedThroughRedis(QueryClient viewer, RedisCommands<String, String> redis, String dataset,
            String tenant, IdentityClient identity, String q) {

        HttpResponse<String> first = viewer.query(q);
        List<String> keys = redis.keys("dataforge:query:" + dataset + ":0:*");
        insert(dataset, tenant, 2);
        HttpResponse<String> cached = viewer.query(q);

        assertThat(keys).hasSize(1);
        assertThat(redis.get(keys.get(0))).contains("\"rows\":[{\"id\":1}]");
        assertThat(cached.body()).isEqualTo(first.body());
        assertThat(cached.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));

        redis.del(keys.toArray(new String[0]));
        assertThat(viewer.rows(q)).extracting(row -> row.get("id")).containsExactly(1, 2);

        insert(dataset, tenant, 3);
        new QueryClient(identity, tenant, "LOADER").upload(dataset, "id,note\n4,loaded\n");
        await().atMost(Duration.ofSeconds(30))
            .until(() -> "1".equals(redis.get("dataforge:query-generation:" + dataset)));
        assertThat(viewer.rows(q)).extracting(row -> row.get("id")).containsExactly(1, 2, 3, 4);
        assertThat(redis.keys("dataforge:query:" + dataset + ":1:*")).hasSize(1);
    }

    private void insert(String dataset, String tenant, long id) {
        jdbc.update("INSERT INTO datasets." + dataset + " (tenant_id, upload_id, id) VALUES (?::uuid, ?, ?)", tenant,
                UUID.randomUUID(), id);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RedisServer start() {
        try {
            RedisServer server = new RedisServer(REDIS_PORT);
            server.start();
            return server;
        }
        catch (Exception e) {
            throw new IllegalStateException("redis-server did not start", e);
        }
    }

}
