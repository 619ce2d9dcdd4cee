package io.dataforge.watch.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reports every byte that passes, so a limit can stop a read the moment it is crossed.
 */
final class CountingInputStream extends FilterInputStream {

    @FunctionalInterface
    interface Tally {

        void add(long bytes) throws IOException;

    }

    private final Tally tally;

    CountingInputStream(InputStream in, Tally tally) {
        super(in);
        this.tally = tally;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            tally.add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            tally.add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        if (skipped > 0) {
            tally.add(skipped);
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

}
