package io.dataforge.platform.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Shares out the heap the JVM really has (-Xmx, or the container's limit and
 * MaxRAMPercentage). Buffers of work that lasts (S3 parts, a conversion's row group)
 * outlive young collections and end in the old generation, so what counts is its size: at
 * most {@value #TENURED_PERCENT} % of it is filled, so that it is not collected over and
 * over, and of that {@code dataforge.memory.reserved} is the application's own live set.
 * What is left, the work budget, goes {@value #STORAGE_PERCENT} % to S3 part buffers (one
 * pool for every upload of the process), {@value #CONVERSIONS_PERCENT} % to the watched
 * folder's Parquet conversions running at once, and the rest to everything sized per row
 * or per request (loads, exports, query pages).
 */
@Component
public class HeapBudget {

    static final int TENURED_PERCENT = 85;
    static final int STORAGE_PERCENT = 35;
    static final int CONVERSIONS_PERCENT = 45;

    private static final long MIN_WORK = 16L << 20;

    private final long tenured;

    private final long reserved;

    @Autowired
    HeapBudget(MemoryProperties props) {
        this(tenuredCapacity(), props.reserved().toBytes());
    }

    /**
     * {@code tenured}: the bytes long-lived objects can take (the old generation, or the
     * heap without one).
     */
    public HeapBudget(long tenured, long reserved) {
        if (tenured * TENURED_PERCENT / 100 - reserved < MIN_WORK) {
            throw new IllegalStateException("The heap's old generation (" + mb(tenured) + ") leaves less than "
                    + mb(MIN_WORK) + " of work budget beside dataforge.memory.reserved (" + mb(reserved)
                    + "): give the JVM more heap (-Xmx, or a larger container or MaxRAMPercentage)");
        }
        this.tenured = tenured;
        this.reserved = reserved;
    }

    /**
     * The old generation's maximum where the collector sizes one apart from the young
     * (the parallel collector in a container: 103 of 154 MB), else two thirds of the heap
     * (G1, or a pool that reports the whole heap).
     */
    static long tenuredCapacity() {
        long heap = Runtime.getRuntime().maxMemory();
        long old = ManagementFactory.getMemoryPoolMXBeans()
            .stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .filter(pool -> pool.getName().contains("Old Gen") || pool.getName().contains("Tenured"))
            .mapToLong(pool -> pool.getUsage().getMax())
            .filter(max -> max > 0)
            .findFirst()
            .orElse(heap);
        return old < heap ? old : heap * 2 / 3;
    }

    public long tenured() {
        return tenured;
    }

    public long reserved() {
        return reserved;
    }

    /** What long-lived buffers of work may take beside the reserve. */
    public long work() {
        return tenured * TENURED_PERCENT / 100 - reserved;
    }

    /** Bytes for all S3 part buffers of the process together. */
    public long storageBuffers() {
        return work() * STORAGE_PERCENT / 100;
    }

    /** Bytes for all Parquet conversions of the process together. */
    public long conversions() {
        return work() * CONVERSIONS_PERCENT / 100;
    }

    public static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

}
