package io.dataforge.export.pack;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import io.opentelemetry.context.Context;

/**
 * What {@link Compression#open} returns: the packer (gzip, zip or none) runs on a thread
 * of its own, fed chunks of what the renderer writes through a short bounded queue, so
 * rendering and deflating use two cores, as {@code psql | gzip} does. Memory stays at a
 * few chunks; a renderer faster than the packer waits for it. {@link #close()} finishes
 * the archive and closes the stream underneath; {@link #abort()} stops the packer and
 * leaves the stream underneath as it is (the caller aborts the upload). An error of the
 * packer is thrown to the renderer at its next write or at close.
 */
public final class PackedStream extends OutputStream {

    private static final int CHUNK = 64 * 1024;

    private static final int QUEUED = 4;

    private static final Chunk END = new Chunk(new byte[0], 0);

    private final OutputStream packer;

    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUED);

    private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(QUEUED + 2);

    private final Thread thread;

    private volatile Throwable failure;

    private byte[] buffer = new byte[CHUNK];

    private int filled;

    private boolean closed;

    PackedStream(OutputStream packer, String threadName) {
        this.packer = packer;
        // the file goes up to S3 in the trace of the render that writes it
        this.thread = new Thread(Context.current().wrap((Runnable) this::pack), threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void write(int b) throws IOException {
        if (filled == buffer.length) {
            handOff();
        }
        buffer[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (filled == buffer.length) {
                handOff();
            }
            int n = Math.min(length, buffer.length - filled);
            System.arraycopy(bytes, offset, buffer, filled, n);
            filled += n;
            offset += n;
            length -= n;
        }
    }

    /**
     * Hands over what is buffered, waits for the packer to finish and rethrows what it
     * failed with.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (filled > 0) {
            handOff();
        }
        put(END);
        join();
        rethrow();
    }

    /** Stops the packer without finishing the archive. */
    public void abort() {
        closed = true;
        thread.interrupt();
        join();
    }

    private void handOff() throws IOException {
        rethrow();
        put(new Chunk(buffer, filled));
        byte[] next = spare.poll();
        buffer = next != null ? next : new byte[CHUNK];
        filled = 0;
    }

    private void pack() {
        try {
            for (Chunk chunk = queue.take(); chunk != END; chunk = queue.take()) {
                // after a failure the queue is still drained, so the renderer never waits
                // on a dead packer
                if (failure == null) {
                    write(chunk);
                }
                spare.offer(chunk.bytes());
            }
            if (failure == null) {
                packer.close();
            }
        }
        catch (InterruptedException e) {
            // aborted
        }
        catch (IOException | RuntimeException | Error e) {
            failure = e;
        }
    }

    private void write(Chunk chunk) {
        try {
            packer.write(chunk.bytes(), 0, chunk.length());
        }
        catch (IOException | RuntimeException | Error e) {
            failure = e;
        }
    }

    private void put(Chunk chunk) throws IOException {
        try {
            queue.put(chunk);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new IOException("Interrupted while packing the export", e);
        }
    }

    private void join() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            }
            catch (InterruptedException e) {
                interrupted = true;
                thread.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The packer's own error, unwrapped, so the caller sees a storage error as one (and
     * retries it).
     */
    private void rethrow() throws IOException {
        Throwable e = failure;
        if (e instanceof IOException io) {
            throw io;
        }
        else if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        else if (e instanceof Error error) {
            throw error;
        }
    }

    private record Chunk(byte[] bytes, int length) {
    }

}
