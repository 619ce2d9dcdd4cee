package io.dataforge.export.render.xlsx;

import java.lang.reflect.Field;
import java.util.ArrayList;
import org.dhatim.fastexcel.Worksheet;

/**
 * Gives back what fastexcel keeps of a finished sheet. A worksheet holds one list slot
 * per row written, and once finished it clears that list but keeps its array, while the
 * workbook holds the sheet until its end: about 4.9 MB for a full sheet of 1,048,576
 * rows, 230 MB for the 48 sheets of a 50 M-row export. Shrinking the list as each sheet
 * ends keeps the render's memory flat whatever its number of sheets. fastexcel has no
 * call for it, hence the reflection; {@code FinishedSheetsTest} fails if an upgrade moves
 * the list.
 */
final class FinishedSheets {

    private static final Field ROWS = rowsField();

    private FinishedSheets() {
    }

    /** After {@link Worksheet#finish()}: true when the sheet's row list was shrunk. */
    static boolean release(Worksheet sheet) {
        if (ROWS == null) {
            return false;
        }
        try {
            if (ROWS.get(sheet) instanceof ArrayList<?> rows && rows.isEmpty()) {
                rows.trimToSize();
                return true;
            }
            return false;
        }
        catch (IllegalAccessException e) {
            return false;
        }
    }

    private static Field rowsField() {
        try {
            Field rows = Worksheet.class.getDeclaredField("rows");
            rows.setAccessible(true);
            return rows;
        }
        catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }

}
