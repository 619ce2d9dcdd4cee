package io.dataforge.query.cache;

import java.time.Duration;
import java.util.UUID;

/**
 * Answers of recent queries, for 10 minutes, keyed on tenant, whether pii is shown,
 * dataset and its declaration's version, the parsed query and the dataset's generation. A
 * completed load into a dataset moves its generation on (route
 * {@code query.cache-evict}), so no older answer is served again, not even one that a
 * query still running stores later. In this instance (Caffeine) by default; in Redis,
 * shared by every instance, when {@code spring.data.redis.*} is set.
 */
public interface QueryCache {

    Duration TTL = Duration.ofMinutes(10);

    /**
     * Larger answers (a 5000-row page is about 1.5 MB) are not kept: a few of them would
     * crowd out hundreds of small ones, and in a 512 MB container they held the old
     * generation full, so the collector ran back to back.
     */
    int MAX_ANSWER_BYTES = 512 * 1024;

    /**
     * {@code version}: the dataset's declaration's; a column newly declared pii must not
     * be served from before.
     */
    record Key(UUID tenant, boolean piiShown, String dataset, int version, String query, long generation) {
    }

    /** The JSON body as sent (UTF-8), its etag and how many rows it holds. */
    record Answer(byte[] body, String etag, long rows) {
    }

    /**
     * Read before the query runs and put in its key, so an answer is stored under the
     * data it was made from.
     */
    long generation(String dataset);

    Answer get(Key key);

    void put(Key key, Answer answer);

    /** Forgets every answer over {@code dataset}: its rows changed. */
    void evict(String dataset);

}
