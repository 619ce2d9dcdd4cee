package io.dataforge.watch.parquet;

import java.util.Arrays;

/**
 * One source record as text, indexed by column. {@code textOnly} marks values that were
 * JSON strings: they may become dates or timestamps but never numbers or booleans ("123"
 * stays a string).
 */
final class RawRow {

    private String[] values = new String[16];

    private boolean[] textOnly = new boolean[16];

    private int width;

    void reset(int newWidth) {
        ensure(newWidth);
        int used = Math.max(width, newWidth);
        Arrays.fill(values, 0, used, null);
        Arrays.fill(textOnly, 0, used, false);
        width = newWidth;
    }

    void set(int column, String value, boolean text) {
        ensure(column + 1);
        if (column >= width) {
            width = column + 1;
        }
        values[column] = value;
        textOnly[column] = text;
    }

    /**
     * The value of a column, null when absent (also for columns added after this row was
     * read).
     */
    String value(int column) {
        return column < width ? values[column] : null;
    }

    boolean textOnly(int column) {
        return column < width && textOnly[column];
    }

    int width() {
        return width;
    }

    /**
     * Exchanges contents with {@code other}: hands a parsed row over without copying its
     * values.
     */
    void swap(RawRow other) {
        String[] otherValues = other.values;
        boolean[] otherTextOnly = other.textOnly;
        int otherWidth = other.width;
        other.values = values;
        other.textOnly = textOnly;
        other.width = width;
        values = otherValues;
        textOnly = otherTextOnly;
        width = otherWidth;
    }

    /**
     * About the heap this row's values take (compact strings: a header each and a byte
     * per character).
     */
    long heapBytes() {
        long bytes = 32 + 8L * width;
        for (int i = 0; i < width; i++) {
            if (values[i] != null) {
                bytes += 48 + values[i].length();
            }
        }
        return bytes;
    }

    RawRow copy() {
        RawRow copy = new RawRow();
        copy.values = Arrays.copyOf(values, width);
        copy.textOnly = Arrays.copyOf(textOnly, width);
        copy.width = width;
        return copy;
    }

    private void ensure(int size) {
        if (size > values.length) {
            int capacity = Math.max(size, values.length * 2);
            values = Arrays.copyOf(values, capacity);
            textOnly = Arrays.copyOf(textOnly, capacity);
        }
    }

}
