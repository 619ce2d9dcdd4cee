package io.dataforge.export.render.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPTable;
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
 * page: the table is handed to the document every {@link #ROWS_PER_CHUNK} rows, which
 * lays those rows out, writes every page they fill and drops them (OpenPDF's way of
 * rendering a table larger than memory).
 * <p>
 * A PDF of millions of rows is more than a reader will open, so it has a cap: once more
 * than {@code maxBytes} have been written the render stops with
 * {@link ExportTooLargeException} (checked between chunks, so the stream may run over the
 * cap by a few pages).
 */
public final class PdfRenderer implements Renderer {

    private static final int ROWS_PER_CHUNK = 200;

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
        PdfTableCells cells = new PdfTableCells();
        if (!title.isBlank()) {
            document.addTitle(title);
        }
        document.setFooter(pageNumbers(cells));
        document.open();
        if (!title.isBlank()) {
            Paragraph heading = new Paragraph(title, cells.title);
            heading.setSpacingAfter(6);
            document.add(heading);
        }
        Object[] row = Rows.next(rows, columns.size());
        PdfPTable table = newTable(columns, row, cells);
        long count = 0;
        while (row != null) {
            for (Object value : row) {
                table.addCell(cells.value(value));
            }
            count++;
            if (count % ROWS_PER_CHUNK == 0) {
                document.add(table);
                checkCap(counted);
            }
            row = Rows.next(rows, columns.size());
        }
        if (count == 0) {
            // OpenPDF draws nothing of a table holding header rows only; the header alone
            // says what was empty
            table.setHeaderRows(0);
        }
        table.setComplete(true);
        document.add(table);
        checkCap(counted);
        document.close();
        checkCap(counted);
        out.flush();
        return count;
    }

    /**
     * Column widths follow the header and the first row (all that is known up front),
     * clamped so none starves.
     */
    private static PdfPTable newTable(List<String> columns, Object[] firstRow, PdfTableCells cells) {
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            int length = Math.max(columns.get(i).length(), firstRow == null ? 0 : CellText.of(firstRow[i]).length());
            widths[i] = Math.max(4, Math.min(30, length));
        }
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setComplete(false);
        for (String column : columns) {
            table.addCell(cells.header(column));
        }
        return table;
    }

    private static HeaderFooter pageNumbers(PdfTableCells cells) {
        HeaderFooter footer = new HeaderFooter(new Phrase("Page ", cells.footer), true);
        footer.setAlignment(Element.ALIGN_RIGHT);
        footer.setBorder(Rectangle.NO_BORDER);
        return footer;
    }

    private void checkCap(CountingOutputStream counted) {
        if (counted.getByteCount() > maxBytes) {
            throw new ExportTooLargeException(ExportFormat.PDF, maxBytes);
        }
    }

}
