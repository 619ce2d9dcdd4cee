/**
 * Answers of recent queries, kept so a repeated query is served without touching the
 * dataset.
 * <p>
 * In: a query's key (tenant, pii shown, dataset, declaration version, the parsed query,
 * the dataset's generation) and its answer body. Out: the answer for the same key within
 * ten minutes, from this instance (Caffeine) or from Redis when
 * {@code spring.data.redis.*} is set. Bad record: an answer past 512 KB is not kept; a
 * cache that cannot be reached answers nothing and the query runs. Replay: a completed
 * load moves the dataset's generation on, so nothing older is served again; dropping the
 * whole cache is always safe.
 */
package io.dataforge.query.cache;
