package io.dataforge.platform.messaging;

import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The loads and exports this replica is running, and their hand-back at the end of a
 * drain. Once Camel has stopped (its consumers have closed their channels, so the broker
 * already holds their unacknowledged messages for another replica), any still running
 * would next lose their database connections as the pool closes under them, and each
 * would end as a failure: a job marked failed and a dead letter. So the process halts
 * there instead, as a crash would: their transactions die with it and keep nothing, and
 * the replica that takes each message over runs it from the start.
 */
@Component
public class WorkInFlight implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkInFlight.class);

    private final AtomicInteger running = new AtomicInteger();

    private volatile boolean started;

    /** Counts one job as running until the returned handle is closed. */
    public Running begin() {
        running.incrementAndGet();
        return running::decrementAndGet;
    }

    @Override
    public void start() {
        started = true;
    }

    /**
     * Runs after Camel and the web server have stopped (the lowest phase stops last).
     */
    @Override
    public void stop() {
        started = false;
        int left = running.get();
        if (left > 0) {
            log.warn("The drain ended with {} load(s) or export(s) still running: handing them back to the queue"
                    + " (their transactions roll back as the process halts)", left);
            // exit status 0: a drain that hands work back is a normal stop
            Runtime.getRuntime().halt(0);
        }
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    /** A running job, until closed. */
    @FunctionalInterface
    public interface Running extends AutoCloseable {

        @Override
        void close();

    }

}
