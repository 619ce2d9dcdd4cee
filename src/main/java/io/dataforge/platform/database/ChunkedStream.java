package io.dataforge.platform.database;

import java.io.IOException;
import java.io.InputStream;

/**
 * A response body made as it is read, a chunk at a time (a cursor's next few hundred
 * rows), so neither the rows nor the body is ever held whole. The stream closes itself
 * after the last chunk; closing it early (a broken download) releases what it holds.
 */
public abstract class ChunkedStream extends InputStream {

    private byte[] chunk = new byte[0];

    private int position;

    private boolean last;

    private boolean closed;

    /** The bytes that come before the first {@link #nextChunk()}: a header. */
    protected final void start(byte[] first) {
        chunk = first;
    }

    /** The next bytes; {@link #last()} says, with or before them, that none follow. */
    protected abstract byte[] nextChunk() throws IOException;

    /** Frees the cursor, the connection: once, at the end or on an early close. */
    protected abstract void release() throws IOException;

    /** No chunk comes after the one being made. */
    protected final void last() {
        last = true;
    }

    protected final boolean isLast() {
        return last;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        while (position == chunk.length) {
            if (last || closed) {
                close();
                return -1;
            }
            chunk = nextChunk();
            position = 0;
        }
        int n = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, target, offset, n);
        position += n;
        return n;
    }

    @Override
    public final void close() throws IOException {
        if (!closed) {
            closed = true;
            release();
        }
    }

}
