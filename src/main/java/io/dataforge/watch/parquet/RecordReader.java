package io.dataforge.watch.parquet;

import io.dataforge.watch.RejectedFileException;

import java.io.Closeable;
import java.io.IOException;

/** Reads one data file's records as text, one {@link RawRow} at a time; columns are added to the shared {@link Columns}. */
interface RecordReader extends Closeable {

    /** Fills {@code row} with the next record; false at the end. */
    boolean next(RawRow row) throws IOException, RejectedFileException;

    /** The 1-based number of the record last returned (header not counted). */
    long rowNumber();
}
