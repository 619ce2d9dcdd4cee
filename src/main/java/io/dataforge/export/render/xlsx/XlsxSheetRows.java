package io.dataforge.export.render.xlsx;

import io.dataforge.export.render.RowSource;
import io.dataforge.export.render.Rows;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * Hands the rows of one export to the sheets of a workbook in turn, each taking at most
 * its share.
 */
final class XlsxSheetRows {

    private final RowSource rows;

    private final List<String> columns;

    private final int rowsPerSheet;

    private final int sheets;

    private long count;

    private boolean exhausted;

    private Exception failure;

    XlsxSheetRows(RowSource rows, List<String> columns, int rowsPerSheet, int sheets) {
        this.rows = rows;
        this.columns = columns;
        this.rowsPerSheet = rowsPerSheet;
        this.sheets = sheets;
    }

    /**
     * Called by POI while it writes the sheet: the header, then up to
     * {@code rowsPerSheet} rows.
     */
    void fill(SXSSFSheet sheet, CellStyle headerStyle, boolean lastSheet) throws Exception {
        try {
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(columns.get(c));
                cell.setCellStyle(headerStyle);
            }
            for (int r = 1; r <= rowsPerSheet && !exhausted; r++) {
                Object[] row = Rows.next(rows, columns.size());
                if (row == null) {
                    exhausted = true;
                }
                else {
                    XlsxCells.write(sheet.createRow(r), row);
                    count++;
                }
            }
            if (lastSheet && !exhausted && Rows.next(rows, columns.size()) != null) {
                throw new IllegalStateException("More rows than the " + sheets + " XLSX sheet(s) of " + rowsPerSheet
                        + " rows declared from the expected row count; pass the exact count to render more");
            }
        }
        catch (Exception e) {
            failure = e;
            throw e;
        }
    }

    long count() {
        return count;
    }

    /** What a fill threw, if anything: POI hands it on wrapped in an IOException. */
    Exception failure() {
        return failure;
    }

}
