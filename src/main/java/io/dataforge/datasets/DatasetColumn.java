package io.dataforge.datasets;

/**
 * A declared column: its type (numeric carries precision and scale), whether a value is
 * required, and whether it holds personal data (masked in queries for callers without
 * PII_READER).
 */
public record DatasetColumn(String name, ColumnType type, int precision, int scale, boolean required, boolean pii) {

    /** The declaration's type text: "bigint", "numeric(12,2)". */
    public String typeName() {
        return type == ColumnType.NUMERIC ? "numeric(" + precision + "," + scale + ")" : type.sql();
    }
}
