package io.dataforge.export.render;

/**
 * The rows of an export, pulled one at a time (the worker wraps a JDBC cursor; it can count rows for progress
 * and throw to cancel). Each row has one value per column, already JSON-friendly: {@code null}, {@code String}
 * (also dates, timestamps and uuids as ISO text, and masked values as {@code "***"}), {@code Integer},
 * {@code Long}, {@code BigDecimal}, {@code Double}, {@code Boolean}, or a Jackson {@code JsonNode} for json
 * columns. Any other type is rendered as its {@code toString()}.
 */
@FunctionalInterface
public interface RowSource {

    /** The next row, or {@code null} after the last. */
    Object[] next() throws Exception;
}
