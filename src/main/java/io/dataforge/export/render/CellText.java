package io.dataforge.export.render;

import java.math.BigDecimal;

/** A value as the text of a CSV field or table cell. */
public final class CellText {

    private CellText() {
    }

    /**
     * {@code null} becomes empty; a json cell its JSON text as PostgreSQL gives it (its
     * {@code toString()}); a {@code BigDecimal} its plain digits, never exponent
     * notation, so the text reads as the database shows it.
     */
    public static String of(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

}
