package io.dataforge.platform.messaging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The loads and exports this replica is running, and their hand-back at the end of a
 * drain. Once Camel has stopped (its consumers have closed their channels, so the broker
 * already holds their unacknowledged messages for another replica), any still running
 * would next lose their database connections as the pool closes under them, and each
 * would end as a failure: a job marked failed and a dead letter. So each is set back to
 * waiting (its own hand-back step) and the process halts there instead, as a crash would:
 * their transactions die with it and keep nothing, and the replica that takes each
 * message over runs it from the start.
 */
@Component
public class WorkInFlight implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkInFlight.class);

    private final Map<Running, Runnable> running = new ConcurrentHashMap<>();

    private volatile boolean started;

    /**
     * Counts one job as running until the returned handle is closed; {@code handBack}
     * sets it back to waiting if a drain ends first.
     */
    public Running begin(Runnable handBack) {
        Running job = new Running() {
            @Override
            public void close() {
                running.remove(this);
            }
        };
        running.put(job, handBack);
        return job;
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
        if (!running.isEmpty()) {
            log.warn("The drain ended with {} load(s) or export(s) still running: handing them back to the queue"
                    + " (their transactions roll back as the process halts)", running.size());
            running.values().forEach(WorkInFlight::handBack);
            // exit status 0: a drain that hands work back is a normal stop
            Runtime.getRuntime().halt(0);
        }
    }

    private static void handBack(Runnable step) {
        try {
            step.run();
        }
        catch (RuntimeException e) {
            // its message is back in the queue all the same: the job only shows running
            // until another replica takes it
            log.warn("Could not set a job handed back to waiting: {}", e.getMessage());
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
    public interface Running extends AutoCloseable {

        @Override
        void close();

    }

}
