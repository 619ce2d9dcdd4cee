package io.dataforge.watch.parquet;

import org.apache.parquet.io.api.Binary;

/** One row in its stored form, reused from row to row so the hot path allocates only the string values. */
final class TypedRow {

    final boolean[] present;
    final long[] longs;
    final double[] doubles;
    final Binary[] binaries;

    TypedRow(int width) {
        present = new boolean[width];
        longs = new long[width];
        doubles = new double[width];
        binaries = new Binary[width];
    }

    int width() {
        return present.length;
    }
}
