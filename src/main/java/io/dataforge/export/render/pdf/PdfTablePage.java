package io.dataforge.export.render.pdf;

import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;
import java.util.Arrays;
import java.util.List;

/**
 * Draws the table onto one page after another: text at fixed positions and the grid as
 * lines, straight into the page's content, so no cell object and no layout pass stand
 * between a value and its glyphs. A page holds the title (the first one, when there is
 * one), the header row on a grey band, as many rows as fit whole, and its number in the
 * footer.
 */
final class PdfTablePage {

    private static final float TITLE_SIZE = 11;

    /** The title's line and the space under it, on quarter points like every position. */
    private static final float TITLE_HEIGHT = snap(TITLE_SIZE * 1.2f + 6);

    private static final float FOOTER_SPACE = 12;

    private static final float LINE_WIDTH = 0.25f;

    private static final Color HEADER_BACKGROUND = new Color(0xE0, 0xE0, 0xE0);

    private final PdfContentByte content;

    private final PdfTableCells cells;

    private final List<String> columns;

    /** The left edge of each column, then the table's right edge. */
    private final float[] edges;

    private final float top;

    private final float bottom;

    private final float right;

    /**
     * Lines a cell may take: as many as fill half a page under the title, so that the
     * header and any row fit on a page together.
     */
    private final int maxLines;

    /** The top of each row drawn on this page, then the bottom of the last one. */
    private float[] rowTops = new float[64];

    private int rowCount;

    private float y;

    /** Where the text's current line starts, relative to which the next one is placed. */
    private float lineX;

    private float lineY;

    PdfTablePage(PdfContentByte content, PdfTableCells cells, List<String> columns, float[] widths, Rectangle page,
            float margin) {
        this.content = content;
        this.cells = cells;
        this.columns = columns;
        this.top = page.getHeight() - margin;
        this.bottom = margin + FOOTER_SPACE;
        this.right = page.getWidth() - margin;
        this.edges = new float[widths.length + 1];
        float left = margin;
        for (int c = 0; c < widths.length; c++) {
            edges[c] = snap(left);
            left += widths[c];
        }
        edges[widths.length] = snap(left);
        float room = top - bottom - TITLE_HEIGHT - 2 * PdfTableCells.PADDING;
        this.maxLines = Math.max(1, (int) ((room / 2) / PdfTableCells.LEADING));
    }

    /** Begins page {@code number}: the title when not blank, then the header row. */
    void start(int number, String title) {
        y = top;
        rowCount = 0;
        if (number == 1 && !title.isBlank()) {
            content.beginText();
            content.setFontAndSize(cells.font, TITLE_SIZE);
            bold(TITLE_SIZE);
            content.setTextMatrix(edges[0], y - cells.font.getFontDescriptor(BaseFont.ASCENT, TITLE_SIZE));
            content.showText(title);
            content.endText();
            y -= TITLE_HEIGHT;
        }
        String[][] header = lines(columns.toArray());
        content.setColorFill(HEADER_BACKGROUND);
        content.rectangle(edges[0], y - height(header), edges[edges.length - 1] - edges[0], height(header));
        content.fill();
        content.setColorFill(Color.BLACK);
        content.beginText();
        lineX = 0;
        lineY = 0;
        content.setFontAndSize(cells.font, PdfTableCells.SIZE);
        bold(PdfTableCells.SIZE);
        write(header);
        content.setTextRenderingMode(PdfContentByte.TEXT_RENDER_MODE_FILL);
    }

    /** The row's cells in lines that fit their columns. */
    String[][] lines(Object[] row) {
        String[][] lines = new String[row.length][];
        for (int c = 0; c < row.length; c++) {
            lines[c] = cells.lines(row[c], edges[c + 1] - edges[c] - 2 * PdfTableCells.PADDING, maxLines);
        }
        return lines;
    }

    /**
     * Whether the row fits under the rows already on the page (always, on an empty one).
     */
    boolean fits(String[][] row) {
        return rowCount <= 1 || y - height(row) >= bottom;
    }

    void add(String[][] row) {
        write(row);
    }

    /** Ends the page: its text, the grid around the rows drawn, the page number. */
    void end(int number) {
        content.endText();
        rowTops[rowCount] = y;
        content.setLineWidth(LINE_WIDTH);
        float tableTop = rowTops[0];
        for (int r = 0; r <= rowCount; r++) {
            content.moveTo(edges[0], rowTops[r]);
            content.lineTo(edges[edges.length - 1], rowTops[r]);
        }
        for (float edge : edges) {
            content.moveTo(edge, tableTop);
            content.lineTo(edge, y);
        }
        content.stroke();
        String footer = "Page " + number;
        content.beginText();
        content.setFontAndSize(cells.font, PdfTableCells.SIZE);
        content.setTextMatrix(right - cells.width(footer), bottom - FOOTER_SPACE);
        content.showText(footer);
        content.endText();
    }

    private void write(String[][] row) {
        if (rowCount + 1 >= rowTops.length) {
            rowTops = Arrays.copyOf(rowTops, rowTops.length * 2);
        }
        rowTops[rowCount++] = y;
        float baseline = y - snap(PdfTableCells.PADDING + cells.ascent);
        for (int c = 0; c < row.length; c++) {
            float x = edges[c] + PdfTableCells.PADDING;
            for (int l = 0; l < row[c].length; l++) {
                if (!row[c][l].isEmpty()) {
                    moveText(x, baseline - l * PdfTableCells.LEADING);
                    content.showTextBasic(row[c][l]);
                }
            }
        }
        y -= height(row);
    }

    /**
     * Places the next text by its offset from the last (two numbers instead of a matrix's
     * six: a sixth of the content stream's bytes). Positions are on quarter points, so
     * the offsets are written exactly and never add up to a drift.
     */
    private void moveText(float x, float y) {
        content.moveText(x - lineX, y - lineY);
        lineX = x;
        lineY = y;
    }

    private static float snap(float points) {
        return Math.round(points * 4) / 4f;
    }

    private static float height(String[][] row) {
        int lines = 1;
        for (String[] cell : row) {
            lines = Math.max(lines, cell.length);
        }
        return lines * PdfTableCells.LEADING + 2 * PdfTableCells.PADDING;
    }

    /** Liberation Sans has no bold face: its outline is stroked as well as filled. */
    private void bold(float size) {
        content.setTextRenderingMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE);
        content.setLineWidth(size / 30);
    }

}
