package io.dataforge.watch.parquet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A ParquetSink in memory that remembers how many attempts were opened, aborted and
 * completed.
 */
final class MemorySink implements ParquetSink {

    private final List<Attempt> attempts = new ArrayList<>();

    @Override
    public OutputStream open() {
        Attempt attempt = new Attempt();
        attempts.add(attempt);
        return attempt;
    }

    @Override
    public void abort(OutputStream attempt) {
        ((Attempt) attempt).aborted = true;
    }

    int opened() {
        return attempts.size();
    }

    long aborted() {
        return attempts.stream().filter(a -> a.aborted).count();
    }

    /** The bytes of the one attempt that was closed and not aborted. */
    byte[] completed() {
        List<Attempt> done = attempts.stream().filter(a -> a.closed && !a.aborted).toList();
        if (done.size() != 1) {
            throw new AssertionError("expected one completed attempt, got " + done.size() + " of " + attempts.size());
        }
        return done.get(0).toByteArray();
    }

    private static final class Attempt extends ByteArrayOutputStream {

        private boolean closed;

        private boolean aborted;

        @Override
        public void close() throws IOException {
            closed = true;
        }

    }

}
