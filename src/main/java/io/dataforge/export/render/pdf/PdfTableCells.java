package io.dataforge.export.render.pdf;

import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import io.dataforge.export.render.CellText;
import java.awt.Color;
import java.io.IOException;

/**
 * Fonts and cells of one PDF table: made per render, since a font tracks the glyphs a
 * document uses.
 */
final class PdfTableCells {

    /**
     * Liberation Sans, shipped inside the OpenPDF jar (its own fallback font), embedded
     * as a subset of the glyphs used: the standard Helvetica only knows Latin-1,
     * Liberation Sans also Latin Extended, Greek and Cyrillic. Characters it lacks (CJK,
     * emoji) are left out of the page; CSV, JSON and XLSX keep them. Not cached: a cached
     * font is one object shared by concurrent renders, which read its file while writing
     * the subset.
     */
    private static final String FONT = "font-fallback/LiberationSans-Regular.ttf";

    private static final Color HEADER_BACKGROUND = new Color(0xE0, 0xE0, 0xE0);

    /**
     * A cell is a glance at the value, not the value: longer text would turn one row into
     * pages.
     */
    private static final int MAX_CHARS = 1_000;

    final Font title;

    final Font footer;

    private final Font header;

    private final Font body;

    PdfTableCells() throws IOException {
        BaseFont sans = BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, null, null);
        title = new Font(sans, 11, Font.BOLD);
        footer = new Font(sans, 7);
        header = new Font(sans, 7, Font.BOLD);
        body = new Font(sans, 7);
    }

    PdfPCell header(String column) {
        PdfPCell cell = cell(column, header);
        cell.setBackgroundColor(HEADER_BACKGROUND);
        return cell;
    }

    PdfPCell value(Object value) {
        String text = CellText.of(value);
        if (text.length() > MAX_CHARS) {
            int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
            text = text.substring(0, end) + "\u2026";
        }
        return cell(text, body);
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setPadding(2);
        cell.setBorderWidth(0.25f);
        return cell;
    }

}
