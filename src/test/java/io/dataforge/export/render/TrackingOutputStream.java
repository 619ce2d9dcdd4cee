package io.dataforge.export.render;

import java.io.OutputStream;

/** Discards what it is given, counting bytes, flushes and closes. */
public final class TrackingOutputStream extends OutputStream {

    long written;

    long flushedAt = -1;

    public boolean closed;

    @Override
    public void write(int b) {
        written++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        written += len;
    }

    @Override
    public void flush() {
        flushedAt = written;
    }

    @Override
    public void close() {
        closed = true;
    }

}
