package io.dataforge.watch.parquet;

/**
 * A written column: its name, type and, for {@link ColumnType#DECIMAL}, the scale
 * (precision is always 18).
 */
public record ColumnSpec(String name, ColumnType type, int scale) {

    public static final int DECIMAL_PRECISION = 18;

    public ColumnSpec(String name, ColumnType type) {
        this(name, type, 0);
    }
}
