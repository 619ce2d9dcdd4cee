package io.dataforge.watch.parquet;

import io.dataforge.watch.RejectedFileException;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Parses records on a thread of its own, a few batches ahead of the caller, so that text
 * decoding, CSV lexing and, once the caller asks for typed rows, the conversion to column
 * types run beside the Parquet encoding on a second core. Memory stays at
 * {@link #BATCHES} batches of at most {@link #BATCH_VALUES} values (292 rows of a
 * 14-column file, 16 to 1024 rows by width). For readers whose columns are fixed once
 * opened (CSV, TSV); the parsing thread converts with its own copy of the column types.
 */
final class PrefetchingRecordReader implements RecordReader {

    static final int BATCH_VALUES = 4096;
    static final int BATCHES = 4;

    private static final int MAX_BATCH_ROWS = 1024;

    private static final int MIN_BATCH_ROWS = 16;

    private final RecordReader source;

    private final int batchRows;

    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES + 1);

    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES + 1);

    private final Thread parser;

    private volatile Conversion conversion;

    private Batch current;

    private int index;

    private long rowNumber;

    PrefetchingRecordReader(RecordReader source, int width) {
        this.source = source;
        this.batchRows = Math.max(MIN_BATCH_ROWS, Math.min(MAX_BATCH_ROWS, BATCH_VALUES / Math.max(width, 1)));
        for (int i = 0; i < BATCHES; i++) {
            free.add(new Batch(batchRows));
        }
        this.parser = new Thread(this::parse, "parquet-record-reader");
        parser.setDaemon(true);
        parser.start();
    }

    @Override
    public boolean next(RawRow row) throws IOException, RejectedFileException {
        if (!advance()) {
            return false;
        }
        row.swap(current.rows[index++]);
        return true;
    }

    @Override
    public int nextTyped(RawRow row, TypedRow typed, ColumnTypes types) throws IOException, RejectedFileException {
        if (conversion == null) {
            conversion = new Conversion(types.copy(), typed.width());
        }
        if (!advance()) {
            return END;
        }
        int at = index++;
        row.swap(current.rows[at]);
        int fit = current.fits[at];
        if (fit == UNTYPED) { // parsed before the types were handed over
            return types.toTyped(row, typed);
        }
        typed.swap(current.typed[at]);
        return fit;
    }

    /** Moves to the next parsed row; false at the end of the data. */
    private boolean advance() throws IOException, RejectedFileException {
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
        rowNumber = current.rowNumbers[index];
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
        }
        catch (InterruptedException e) {
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
                Conversion types = conversion;
                while (batch.count < batchRows && (more = source.next(batch.rows[batch.count]))) {
                    batch.fits[batch.count] = types == null ? UNTYPED : types.convert(batch, batch.count);
                    batch.rowNumbers[batch.count++] = source.rowNumber();
                }
                batch.last = !more;
                full.put(batch);
            }
        }
        catch (InterruptedException e) {
            // closed by the caller: the attempt is over
        }
        catch (IOException | RejectedFileException | RuntimeException | Error e) {
            Batch failed = new Batch(0);
            failed.failure = e;
            failed.last = true;
            full.offer(failed); // always room: at most BATCHES batches are ever in
                                // circulation
        }
    }

    private Batch take() throws IOException {
        try {
            return full.take();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for parsed records");
        }
    }

    private static final int UNTYPED = Integer.MIN_VALUE;

    /** The parsing thread's own copy of the settled column types. */
    private record Conversion(ColumnTypes types, int width) {

        int convert(Batch batch, int at) {
            if (batch.typed[at] == null) {
                batch.typed[at] = new TypedRow(width);
            }
            return types.toTyped(batch.rows[at], batch.typed[at]);
        }
    }

    private static final class Batch {

        final RawRow[] rows;

        final TypedRow[] typed;

        final int[] fits;

        final long[] rowNumbers;

        int count;

        boolean last;

        Throwable failure;

        Batch(int size) {
            rows = new RawRow[size];
            typed = new TypedRow[size];
            fits = new int[size];
            rowNumbers = new long[size];
            for (int i = 0; i < size; i++) {
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
