package io.dataforge.platform.storage;

import java.io.InterruptedIOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one budget of multipart part buffers for the whole process: batch uploads, CSV
 * staging, the watched folder and exports all take their parts from here. When every
 * buffer is in use a writer waits for one to come back (an upload in flight always ends,
 * so one does), which stops it reading its source: the client's socket fills and TCP
 * slows the sender down, instead of the heap running out. Waiters are served first come,
 * first served. While uploads go on, buffers are kept for reuse rather than left to the
 * collector, so steady uploading makes no garbage of part-sized arrays; once none is in
 * use they are let go, so an idle process does not hold them in its old generation (where
 * queries and caches need the room).
 */
public final class PartBuffers {

    private final int partSize;

    private final int count;

    private final Semaphore permits;

    private final ConcurrentLinkedQueue<byte[]> free = new ConcurrentLinkedQueue<>();

    private final AtomicInteger held = new AtomicInteger();

    public PartBuffers(int partSize, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one part buffer is needed");
        }
        this.partSize = partSize;
        this.count = count;
        this.permits = new Semaphore(count, true);
    }

    /** A buffer of {@link #partSize()} bytes, waiting while all are in use. */
    byte[] take() throws InterruptedIOException {
        try {
            permits.acquire();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for an upload buffer");
        }
        byte[] buffer = free.poll();
        if (buffer != null) {
            return buffer;
        }
        try {
            byte[] fresh = new byte[partSize];
            held.incrementAndGet();
            return fresh;
        }
        catch (OutOfMemoryError e) {
            permits.release();
            throw e;
        }
    }

    /** Hands a buffer from {@link #take()} back; each exactly once. */
    void give(byte[] buffer) {
        free.add(buffer);
        permits.release();
        if (permits.availablePermits() == count) {
            // nothing in use: let the idle buffers go (a take racing with this simply
            // makes a new one)
            for (byte[] idle = free.poll(); idle != null; idle = free.poll()) {
                held.decrementAndGet();
            }
        }
    }

    public int partSize() {
        return partSize;
    }

    /** How many buffers the budget holds. */
    public int count() {
        return count;
    }

    /** Buffers not in use now. */
    public int available() {
        return permits.availablePermits();
    }

    /** Writers waiting for a buffer now. */
    public int waiting() {
        return permits.getQueueLength();
    }

    /**
     * Buffers that exist now, in use or kept for reuse: never more than {@link #count()},
     * none when idle.
     */
    public int held() {
        return held.get();
    }

}
