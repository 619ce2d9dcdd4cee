package io.dataforge.export.render.xlsx;

import io.dataforge.export.render.CellText;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Row;

/**
 * The cells of one data row. Booleans and numbers keep their types; text is written
 * inline in the sheet (never to the shared strings table, which would grow with every
 * distinct value). A {@code null} leaves the cell out.
 */
final class XlsxCells {

    /**
     * Excel keeps 15 significant digits; a number with more is written as text so no
     * digit is lost.
     */
    private static final int EXCEL_DIGITS = 15;

    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private XlsxCells() {
    }

    static void write(Row row, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            if (value instanceof Boolean bool) {
                row.createCell(i).setCellValue(bool);
            }
            else if (value instanceof Number number && exactInExcel(number)) {
                row.createCell(i).setCellValue(number.doubleValue());
            }
            else {
                row.createCell(i).setCellValue(text(value));
            }
        }
    }

    static boolean exactInExcel(Number number) {
        if (number instanceof Double || number instanceof Float) {
            return Double.isFinite(number.doubleValue());
        }
        BigDecimal decimal = number instanceof BigDecimal d ? d
                : number instanceof BigInteger i ? new BigDecimal(i) : BigDecimal.valueOf(number.longValue());
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
