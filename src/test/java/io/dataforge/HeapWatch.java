package io.dataforge;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Measures the live heap while work runs: a background thread forces a full GC twice a
 * second and reads what survives, so garbage does not count and a buffered body would.
 * Returns the peak growth in bytes over the live heap measured before the work started.
 */
public final class HeapWatch implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    private final long baseline;

    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

    private volatile long peak;

    public HeapWatch() {
        this.baseline = liveHeap();
        sampler.scheduleWithFixedDelay(() -> peak = Math.max(peak, liveHeap()), 0, 500, TimeUnit.MILLISECONDS);
    }

    private long liveHeap() {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Peak live-heap growth over the baseline, in bytes. */
    public long peakGrowth() {
        return Math.max(0, peak - baseline);
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdown();
        sampler.awaitTermination(30, TimeUnit.SECONDS);
    }

}
