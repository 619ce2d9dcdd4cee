package io.dataforge.export.render.xlsx;

import io.dataforge.export.render.CellText;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.dhatim.fastexcel.Worksheet;

/**
 * The cells of one data row. Booleans and numbers keep their types; text is written
 * inline in the sheet (never to the shared strings table, which would grow in memory with
 * every distinct value until the end of the workbook). A {@code null} leaves the cell
 * out.
 */
final class XlsxCells {

    /**
     * Excel keeps 15 significant digits; a number with more is written as text so no
     * digit is lost.
     */
    private static final int EXCEL_DIGITS = 15;

    /** 10^15: integers below it in magnitude have at most 15 digits. */
    private static final long EXCEL_EXACT_BELOW = 1_000_000_000_000_000L;

    /** Excel's limit of characters in a cell. */
    private static final int MAX_TEXT = 32_767;

    private XlsxCells() {
    }

    static void write(Worksheet sheet, int r, Object[] values) {
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            if (value == null) {
                continue;
            }
            if (value instanceof Boolean bool) {
                sheet.value(r, c, bool);
            }
            else if (value instanceof Number number && exactInExcel(number)) {
                sheet.value(r, c, number);
            }
            else {
                sheet.inlineString(r, c, text(value));
            }
        }
    }

    static boolean exactInExcel(Number number) {
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            long value = number.longValue();
            if (value > -EXCEL_EXACT_BELOW && value < EXCEL_EXACT_BELOW) {
                return true;
            }
        }
        if (number instanceof Double || number instanceof Float) {
            return Double.isFinite(number.doubleValue());
        }
        BigDecimal decimal = number instanceof BigDecimal d ? d
                : number instanceof BigInteger i ? new BigDecimal(i) : BigDecimal.valueOf(number.longValue());
        if (decimal.precision() <= EXCEL_DIGITS && Math.abs(decimal.scale()) < 290) {
            // the common case, decided without stripping zeros: few digits, far from a
            // double's range
            return true;
        }
        double asDouble = decimal.doubleValue();
        return Double.isFinite(asDouble) && (asDouble != 0 || decimal.signum() == 0)
                && decimal.stripTrailingZeros().precision() <= EXCEL_DIGITS;
    }

    /**
     * Excel refuses a cell of more than 32,767 characters: longer text is cut, and ends
     * in an ellipsis to show it.
     */
    static String text(Object value) {
        String text = CellText.of(value);
        if (text.length() <= MAX_TEXT) {
            return text;
        }
        int end = MAX_TEXT - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "\u2026";
    }

}
