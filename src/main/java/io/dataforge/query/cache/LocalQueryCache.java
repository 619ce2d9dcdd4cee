package io.dataforge.query.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/** The answers in this instance's memory (Caffeine), weighed by their size. */
final class LocalQueryCache implements QueryCache {

    /**
     * 32 MB, or a tenth of the heap when that is less: in a 512 MB container (a 154 MB
     * heap) a full 32 MB of answers left too little room for eight 5000-row pages in
     * flight, and the collector ran full collections back to back.
     */
    private static final long MAX_BYTES = Math.min(32L << 20, Runtime.getRuntime().maxMemory() / 10);

    private final ConcurrentMap<String, AtomicLong> generations = new ConcurrentHashMap<>();

    private final Cache<Key, Answer> answers = Caffeine.newBuilder()
        .expireAfterWrite(TTL)
        .maximumWeight(MAX_BYTES)
        .<Key, Answer>weigher((key, answer) -> answer.body().length)
        .build();

    @Override
    public long generation(String dataset) {
        AtomicLong generation = generations.get(dataset);
        return generation == null ? 0 : generation.get();
    }

    @Override
    public Answer get(Key key) {
        return answers.getIfPresent(key);
    }

    @Override
    public void put(Key key, Answer answer) {
        if (key.generation() == generation(key.dataset())) {
            answers.put(key, answer);
        }
    }

    @Override
    public void evict(String dataset) {
        generations.computeIfAbsent(dataset, name -> new AtomicLong()).incrementAndGet();
        answers.asMap().keySet().removeIf(key -> key.dataset().equals(dataset));
    }

}
