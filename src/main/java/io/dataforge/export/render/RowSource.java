package io.dataforge.export.render;

/**
 * The rows of an export, pulled one at a time (the worker wraps a JDBC cursor; it can
 * count rows for progress and throw to cancel). Each row has one value per column, as
 * {@link io.dataforge.platform.database.CellValues.Kind#read} gives it: {@code null},
 * {@code String} (also dates, timestamps and uuids as ISO text, and masked values as
 * {@code "***"}), {@code Long}, {@code BigDecimal}, {@code Float}, {@code Double},
 * {@code Boolean}, or a {@link io.dataforge.platform.database.CellValues.JsonText} for
 * json columns. Any other type is rendered as its {@code toString()}.
 */
@FunctionalInterface
public interface RowSource {

    /** The next row, or {@code null} after the last. */
    Object[] next() throws Exception;

}
