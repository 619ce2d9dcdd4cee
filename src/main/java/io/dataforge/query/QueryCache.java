package io.dataforge.query;

import java.time.Duration;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * Answers of recent queries (Caffeine, in this instance), for 10 minutes, keyed on tenant, whether pii is shown,
 * dataset and the parsed query; weighed by their size. A completed load into a dataset evicts its entries (route
 * {@code query.cache-evict}, on the {@code upload.completed} event every instance receives).
 */
@Component("queryCache")
public class QueryCache {

    private static final Duration TTL = Duration.ofMinutes(10);
    private static final long MAX_CHARS = 32L << 20;

    private final Cache<Key, Answer> answers = Caffeine.newBuilder()
            .expireAfterWrite(TTL)
            .maximumWeight(MAX_CHARS)
            .<Key, Answer>weigher((key, answer) -> answer.body().length())
            .build();

    record Key(UUID tenant, boolean piiShown, String dataset, String query) {
    }

    /** The JSON body as sent, its etag and how many rows it holds. */
    record Answer(String body, String etag, long rows) {
    }

    Answer get(Key key) {
        return answers.getIfPresent(key);
    }

    void put(Key key, Answer answer) {
        answers.put(key, answer);
    }

    /** Forgets every answer over {@code dataset}: its rows changed. */
    public void evict(String dataset) {
        answers.asMap().keySet().removeIf(key -> key.dataset().equals(dataset));
    }
}
