package io.dataforge.watch.parquet;

import io.dataforge.watch.RejectedFileException;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Parses records on a thread of its own, a few batches ahead of the caller, so that text decoding and CSV
 * lexing (about 40 % of a conversion) run beside the Parquet encoding on a second core. Memory stays at
 * {@link #BATCHES} batches of {@link #BATCH_ROWS} rows. For readers whose columns are fixed once opened (CSV,
 * TSV): nothing else is shared with the parsing thread.
 */
final class PrefetchingRecordReader implements RecordReader {

    static final int BATCH_ROWS = 1024;
    static final int BATCHES = 4;

    private final RecordReader source;
    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES + 1);
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES + 1);
    private final Thread parser;
    private Batch current;
    private int index;
    private long rowNumber;

    PrefetchingRecordReader(RecordReader source) {
        this.source = source;
        for (int i = 0; i < BATCHES; i++) {
            free.add(new Batch());
        }
        this.parser = new Thread(this::parse, "parquet-record-reader");
        parser.setDaemon(true);
        parser.start();
    }

    @Override
    public boolean next(RawRow row) throws IOException, RejectedFileException {
        while (current == null || index == current.count) {
            if (current != null) {
                if (current.last) {
                    current.rethrow();
                    return false;
                }
                free.add(current);
            }
            current = take();
            index = 0;
        }
        row.swap(current.rows[index]);
        rowNumber = current.rowNumbers[index++];
        return true;
    }

    @Override
    public long rowNumber() {
        return rowNumber;
    }

    @Override
    public void close() throws IOException {
        parser.interrupt();
        try {
            parser.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }

    private void parse() {
        try {
            boolean more = true;
            while (more) {
                Batch batch = free.take();
                batch.count = 0;
                while (batch.count < BATCH_ROWS && (more = source.next(batch.rows[batch.count]))) {
                    batch.rowNumbers[batch.count++] = source.rowNumber();
                }
                batch.last = !more;
                full.put(batch);
            }
        } catch (InterruptedException e) {
            // closed by the caller: the attempt is over
        } catch (IOException | RejectedFileException | RuntimeException | Error e) {
            Batch failed = new Batch();
            failed.failure = e;
            failed.last = true;
            full.offer(failed);  // always room: at most BATCHES batches are ever in circulation
        }
    }

    private Batch take() throws IOException {
        try {
            return full.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for parsed records");
        }
    }

    private static final class Batch {
        final RawRow[] rows = new RawRow[BATCH_ROWS];
        final long[] rowNumbers = new long[BATCH_ROWS];
        int count;
        boolean last;
        Throwable failure;

        Batch() {
            for (int i = 0; i < BATCH_ROWS; i++) {
                rows[i] = new RawRow();
            }
        }

        void rethrow() throws IOException, RejectedFileException {
            if (failure instanceof IOException e) {
                throw e;
            }
            if (failure instanceof RejectedFileException e) {
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        }
    }
}
