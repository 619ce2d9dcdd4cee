package io.dataforge.query;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.dataforge.platform.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * How many queries run at once in this instance ({@code dataforge.query.max-concurrent}).
 * Each holds a pooled connection and its page in memory while it runs; more wait their
 * turn, first come first served, and one that waited {@code queue-timeout} is refused
 * with 503 QUERY_BUSY rather than left to time out on the pool.
 */
@Component
class QueryAdmission {

    private final Semaphore running;

    private final long waitMs;

    QueryAdmission(QueryProperties props) {
        this.running = new Semaphore(props.maxConcurrent(), true);
        this.waitMs = props.queueTimeout().toMillis();
    }

    /** A turn to run, to be closed when the query is done; 503 when none came in time. */
    Turn admit() throws InterruptedException {
        if (!running.tryAcquire(waitMs, TimeUnit.MILLISECONDS)) {
            throw new ApiException(503, "Too many queries are running; try again shortly", "QUERY_BUSY",
                    Map.of("retryAfterSeconds", 1));
        }
        return running::release;
    }

    interface Turn extends AutoCloseable {

        @Override
        void close();

    }

}
