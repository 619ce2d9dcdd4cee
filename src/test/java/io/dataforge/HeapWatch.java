package io.dataforge;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Measures the live heap while work runs: a background thread forces a full GC twice a second and reads
 * what survives, so garbage does not count and a buffered body would. Returns the peak growth in bytes
 * over the live heap measured before the work started.
 */
public final class HeapWatch implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long baseline;
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peak;

    public HeapWatch() {
        this.baseline = liveHeap();
        this.sampler = new Thread(this::sample, "heap-watch");
        this.sampler.setDaemon(true);
        this.sampler.start();
    }

    private void sample() {
        while (running) {
            peak = Math.max(peak, liveHeap());
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
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
        running = false;
        sampler.interrupt();
        sampler.join();
    }
}
