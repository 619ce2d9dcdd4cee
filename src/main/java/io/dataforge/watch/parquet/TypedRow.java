package io.dataforge.watch.parquet;

import org.apache.parquet.io.api.Binary;

/**
 * One row in its stored form, reused from row to row so the hot path allocates only the
 * string values.
 */
final class TypedRow {

    boolean[] present;

    long[] longs;

    double[] doubles;

    Binary[] binaries;

    TypedRow(int width) {
        present = new boolean[width];
        longs = new long[width];
        doubles = new double[width];
        binaries = new Binary[width];
    }

    int width() {
        return present.length;
    }

    /**
     * Exchanges contents with {@code other} (of the same width): hands a converted row
     * over without copying.
     */
    void swap(TypedRow other) {
        boolean[] otherPresent = other.present;
        long[] otherLongs = other.longs;
        double[] otherDoubles = other.doubles;
        Binary[] otherBinaries = other.binaries;
        other.present = present;
        other.longs = longs;
        other.doubles = doubles;
        other.binaries = binaries;
        present = otherPresent;
        longs = otherLongs;
        doubles = otherDoubles;
        binaries = otherBinaries;
    }

}
