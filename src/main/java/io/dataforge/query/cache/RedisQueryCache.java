package io.dataforge.query.cache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * The answers in Redis, shared by every instance. An answer lives at
 * {@code dataforge:query:<dataset>:<generation>:<hash of tenant, pii, query>} for 10
 * minutes; evicting a dataset increments {@code dataforge:query-generation:<dataset>},
 * after which the older answers are never asked for and expire. The value is the etag,
 * the row count and the body, each after a length. One Lettuce connection, shared by
 * every thread (Lettuce pipelines their commands on it).
 */
final class RedisQueryCache implements QueryCache, AutoCloseable {

    private static final String PREFIX = "dataforge:query:";

    private static final String GENERATION = "dataforge:query-generation:";

    private final RedisClient client;

    private final StatefulRedisConnection<String, byte[]> connection;

    private final RedisCommands<String, byte[]> redis;

    RedisQueryCache(RedisClient client) {
        this.client = client;
        this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        this.redis = connection.sync();
    }

    /** PING, for the health check. */
    String ping() {
        return redis.ping();
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }

    @Override
    public long generation(String dataset) {
        byte[] value = redis.get(GENERATION + dataset);
        return value == null ? 0 : Long.parseLong(new String(value, StandardCharsets.US_ASCII));
    }

    @Override
    public Answer get(Key key) {
        byte[] value = redis.get(name(key));
        if (value == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        byte[] etag = new byte[buffer.getInt()];
        buffer.get(etag);
        long rows = buffer.getLong();
        byte[] body = new byte[buffer.remaining()];
        buffer.get(body);
        return new Answer(body, new String(etag, StandardCharsets.UTF_8), rows);
    }

    @Override
    public void put(Key key, Answer answer) {
        byte[] etag = answer.etag().getBytes(StandardCharsets.UTF_8);
        ByteBuffer value = ByteBuffer.allocate(4 + etag.length + 8 + answer.body().length)
            .putInt(etag.length)
            .put(etag)
            .putLong(answer.rows())
            .put(answer.body());
        redis.set(name(key), value.array(), SetArgs.Builder.px(TTL.toMillis()));
    }

    @Override
    public void evict(String dataset) {
        redis.incr(GENERATION + dataset);
    }

    private static String name(Key key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(
                    (key.tenant() + "|" + key.piiShown() + "|" + key.version() + "|").getBytes(StandardCharsets.UTF_8));
            digest.update(key.query().getBytes(StandardCharsets.UTF_8));
            return PREFIX + key.dataset() + ":" + key.generation() + ":" + HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
