package io.dataforge.export.render.xlsx;

import io.dataforge.export.render.Renderer;
import io.dataforge.export.render.RowSource;
import io.dataforge.export.render.Rows;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An Excel workbook streamed straight from the rows to {@code out} with fastexcel: each
 * sheet's XML goes into the zip as its rows arrive, every {@link #ROWS_PER_FLUSH} rows,
 * and the workbook's own parts (the sheet list, styles) follow the last sheet, so neither
 * the rows nor the file are held and no temp file is written. Sheets "data", "data (2)",
 * ... of at most {@code rowsPerSheet} rows, each under a bold, frozen header; a sheet is
 * started when a row is left over for it, so the row count need not be known up front.
 */
public final class XlsxRenderer implements Renderer {

    /**
     * Rows fastexcel keeps as cells before writing them out: enough to write in large
     * pieces, few enough to stay a fraction of a megabyte.
     */
    private static final int ROWS_PER_FLUSH = 1_000;

    /**
     * fastexcel's zip stream hands deflated bytes on 512 at a time; the caller's stream
     * (a packer, an upload) gets them in larger writes.
     */
    private static final int BUFFER = 64 * 1024;

    private final int rowsPerSheet;

    public XlsxRenderer(int rowsPerSheet) {
        this.rowsPerSheet = rowsPerSheet;
    }

    @Override
    public long render(List<String> columns, RowSource rows, OutputStream out) throws Exception {
        // not closed: that would close the caller's stream; what a failed render wrote is
        // the caller's to discard, so nothing is finished on the way out
        BufferedOutputStream buffered = new BufferedOutputStream(out, BUFFER);
        Workbook workbook = new Workbook(buffered, "Data Forge", null);
        long count = 0;
        int sheets = 0;
        Object[] row = Rows.next(rows, columns.size());
        do {
            Worksheet sheet = newSheet(workbook, ++sheets, columns);
            for (int r = 1; row != null && r <= rowsPerSheet; r++) {
                XlsxCells.write(sheet, r, row);
                if (r % ROWS_PER_FLUSH == 0) {
                    sheet.flush();
                }
                count++;
                row = Rows.next(rows, columns.size());
            }
            sheet.finish();
            FinishedSheets.release(sheet);
        }
        while (row != null);
        workbook.finish();
        buffered.flush();
        return count;
    }

    private static Worksheet newSheet(Workbook workbook, int number, List<String> columns) throws IOException {
        Worksheet sheet = workbook.newWorksheet(number == 1 ? "data" : "data (" + number + ")");
        for (int c = 0; c < columns.size(); c++) {
            sheet.width(c, Math.max(10, Math.min(50, columns.get(c).length() + 2)));
            sheet.inlineString(0, c, XlsxCells.text(columns.get(c)));
        }
        if (!columns.isEmpty()) {
            sheet.range(0, 0, 0, columns.size() - 1).style().bold().set();
        }
        sheet.freezePane(0, 1);
        // the column widths go out with the first rows: set before this
        sheet.flush();
        return sheet;
    }

}
