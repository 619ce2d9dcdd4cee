package io.dataforge.datasets;

/**
 * A declared column: its type (numeric carries precision and scale), whether a value is
 * required, and whether it holds personal data (masked for callers without PII_READER).
 */
public record DatasetColumn(String name, ColumnType type, int precision, int scale, boolean required, boolean pii) {

    /** What a masked pii column shows instead of its value. */
    public static final String MASK = "***";

    /** The declaration's type text: "bigint", "numeric(12,2)". */
    public String typeName() {
        return type == ColumnType.NUMERIC ? "numeric(" + precision + "," + scale + ")" : type.sql();
    }

    /** Whether a caller with or without the PII_READER role sees this column masked. */
    public boolean maskedFor(boolean piiReader) {
        return pii && !piiReader;
    }

    /**
     * The select expression of this column for such a caller, without alias: the quoted
     * name, or the mask as a literal, so a masked value never leaves the database.
     */
    public String selected(boolean piiReader) {
        return maskedFor(piiReader) ? "'" + MASK + "'" : Identifiers.quote(name);
    }
}
