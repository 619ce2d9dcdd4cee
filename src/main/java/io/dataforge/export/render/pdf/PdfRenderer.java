package io.dataforge.export.render.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfWriter;
import io.dataforge.export.render.CellText;
import io.dataforge.export.render.ExportFormat;
import io.dataforge.export.render.ExportTooLargeException;
import io.dataforge.export.render.Renderer;
import io.dataforge.export.render.RowSource;
import io.dataforge.export.render.Rows;
import java.io.OutputStream;
import java.util.List;
import org.apache.commons.io.output.CountingOutputStream;

/**
 * A paged table on landscape A4, the header row repeated on every page, written page by
 * page: {@link PdfTablePage} draws each row as it comes, and when the next one does not
 * fit the page is written out and dropped. OpenPDF's {@code PdfPTable} laid out every
 * cell twice (its height, then its text) through a general text layout; a row here costs
 * the measuring of its text and the drawing of its glyphs, two to three times faster in
 * bench/xlsx-libraries.sh.
 * <p>
 * A PDF of millions of rows is more than a reader will open, so it has a cap: once more
 * than {@code maxBytes} have been written the render stops with
 * {@link ExportTooLargeException} (checked at each page's end, so the stream may run over
 * the cap by a page).
 */
public final class PdfRenderer implements Renderer {

    private static final float MARGIN = 24;

    private final String title;

    private final long maxBytes;

    public PdfRenderer(String title, long maxBytes) {
        this.title = title;
        this.maxBytes = maxBytes;
    }

    @Override
    public long render(List<String> columns, RowSource rows, OutputStream out) throws Exception {
        CountingOutputStream counted = new CountingOutputStream(out);
        // a landscape media box rather than A4.rotate(): that one is a portrait page
        // turned by a /Rotate entry
        Rectangle landscape = new Rectangle(PageSize.A4.getHeight(), PageSize.A4.getWidth());
        Document document = new Document(landscape, MARGIN, MARGIN, MARGIN, MARGIN);
        PdfWriter writer = PdfWriter.getInstance(document, counted);
        writer.setCloseStream(false);
        if (!title.isBlank()) {
            document.addTitle(title);
        }
        document.open();
        PdfTableCells cells = new PdfTableCells();
        Object[] row = Rows.next(rows, columns.size());
        PdfTablePage page = new PdfTablePage(writer.getDirectContent(), cells, columns,
                widths(columns, row, landscape.getWidth() - 2 * MARGIN), landscape, MARGIN);
        int number = 1;
        page.start(number, title);
        long count = 0;
        while (row != null) {
            String[][] lines = page.lines(row);
            if (!page.fits(lines)) {
                page.end(number);
                document.newPage();
                checkCap(counted);
                page.start(++number, title);
            }
            page.add(lines);
            count++;
            row = Rows.next(rows, columns.size());
        }
        page.end(number);
        document.close();
        checkCap(counted);
        out.flush();
        return count;
    }

    /**
     * Column widths follow the header and the first row (all that is known up front),
     * clamped so none starves, sharing the page's width.
     */
    private static float[] widths(List<String> columns, Object[] firstRow, float tableWidth) {
        float[] widths = new float[columns.size()];
        float total = 0;
        for (int i = 0; i < widths.length; i++) {
            int length = Math.max(columns.get(i).length(), firstRow == null ? 0 : CellText.of(firstRow[i]).length());
            widths[i] = Math.max(4, Math.min(30, length));
            total += widths[i];
        }
        for (int i = 0; i < widths.length; i++) {
            widths[i] *= tableWidth / total;
        }
        return widths;
    }

    private void checkCap(CountingOutputStream counted) {
        if (counted.getByteCount() > maxBytes) {
            throw new ExportTooLargeException(ExportFormat.PDF, maxBytes);
        }
    }

}
