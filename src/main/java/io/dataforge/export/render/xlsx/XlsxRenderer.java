package io.dataforge.export.render.xlsx;

import io.dataforge.export.render.Renderer;
import io.dataforge.export.render.RowSource;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.commons.io.output.ProxyOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.DeferredSXSSFSheet;
import org.apache.poi.xssf.streaming.DeferredSXSSFWorkbook;

/**
 * An Excel workbook streamed straight from the rows to {@code out}: POI's deferred
 * streaming workbook asks each sheet's row generator for its rows while it writes that
 * sheet's XML into the zip, so neither the rows nor the file are held
 * ({@link SheetOrderedWorkbook} says why it is not used as it comes). Sheets "data",
 * "data (2)", ... of at most {@code rowsPerSheet} rows, each under a bold header.
 * <p>
 * A workbook declares its sheets before the first byte is written, so the number of
 * sheets comes from {@code expectedRows} (one sheet when it is -1). More rows than the
 * declared sheets can take fail the render.
 */
public final class XlsxRenderer implements Renderer {

    /** Rows POI keeps in memory before writing them out. */
    private static final int WINDOW = 100;

    private final int rowsPerSheet;

    public XlsxRenderer(int rowsPerSheet) {
        this.rowsPerSheet = rowsPerSheet;
    }

    @Override
    public long render(List<String> columns, long expectedRows, RowSource rows, OutputStream out) throws Exception {
        int sheets = expectedRows <= 0 ? 1 : (int) ((expectedRows + rowsPerSheet - 1) / rowsPerSheet);
        XlsxSheetRows sheetRows = new XlsxSheetRows(rows, columns, rowsPerSheet, sheets);
        try (SheetOrderedWorkbook workbook = new SheetOrderedWorkbook(WINDOW)) {
            CellStyle header = headerStyle(workbook);
            for (int i = 0; i < sheets; i++) {
                DeferredSXSSFSheet sheet = workbook.createSheet(i == 0 ? "data" : "data (" + (i + 1) + ")");
                for (int c = 0; c < columns.size(); c++) {
                    sheet.setColumnWidth(c, 256 * Math.max(10, Math.min(50, columns.get(c).length() + 2)));
                }
                sheet.createFreezePane(0, 1);
                boolean last = i == sheets - 1;
                sheet.setRowGenerator(s -> sheetRows.fill(s, header, last));
            }
            // write() would first copy the workbook template to a temp file; this keeps
            // it in memory (a few KB)
            workbook.writeAvoidingTempFiles(unclosable(out));
        }
        catch (IOException e) {
            // POI wraps what a row generator throws; the caller needs the original
            // (cancellation, bad row)
            throw sheetRows.failure() != null ? sheetRows.failure() : e;
        }
        out.flush();
        return sheetRows.count();
    }

    /**
     * Closing the workbook closes each sheet's stream, and they all end in {@code out},
     * which the caller owns. Not commons-io's close shield: a sheet closed after the
     * first would flush a shield that then throws.
     */
    private static OutputStream unclosable(OutputStream out) {
        return new ProxyOutputStream(out) {
            @Override
            public void close() {
                // the caller closes out
            }
        };
    }

    private static CellStyle headerStyle(DeferredSXSSFWorkbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        return style;
    }

}
