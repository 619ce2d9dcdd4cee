package io.dataforge.watch.parquet;

import io.dataforge.watch.RejectedFileException;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads one data file's records as text, one {@link RawRow} at a time; columns are added
 * to the shared {@link Columns}.
 */
interface RecordReader extends Closeable {

    /** What {@link #nextTyped} returns at the end of the data. */
    int END = -2;

    /**
     * What {@link #nextTyped} returns when every value of the row fits its column type.
     */
    int FITS = -1;

    /** Fills {@code row} with the next record; false at the end. */
    boolean next(RawRow row) throws IOException, RejectedFileException;

    /**
     * Fills {@code row} with the next record and {@code typed} with its stored form under
     * {@code types}, which stay the same for the rest of this reader's use: {@link #END},
     * {@link #FITS}, or the first column whose value does not fit (then {@code typed} is
     * undefined).
     */
    default int nextTyped(RawRow row, TypedRow typed, ColumnTypes types) throws IOException, RejectedFileException {
        return next(row) ? types.toTyped(row, typed) : END;
    }

    /** The 1-based number of the record last returned (header not counted). */
    long rowNumber();

}
