package io.dataforge.export.render.pdf;

import com.lowagie.text.pdf.BaseFont;
import io.dataforge.export.render.CellText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The font of one PDF table and the text of its cells, broken into lines that fit a
 * column: made per render, since a font tracks the glyphs a document uses.
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

    static final float SIZE = 7;

    static final float LEADING = 8;

    static final float PADDING = 1.5f;

    /**
     * A cell is a glance at the value, not the value: longer text would turn one row into
     * pages.
     */
    private static final int MAX_CHARS = 1_000;

    /**
     * Widths of the characters below U+0800 (Latin, Greek, Cyrillic...), looked up once.
     */
    private static final int CACHED_CHARS = 0x800;

    private static final String ELLIPSIS = "\u2026";

    final BaseFont font;

    /** Where the first line's baseline sits below the top of a cell's text. */
    final float ascent;

    private final float[] charWidths = new float[CACHED_CHARS];

    PdfTableCells() throws IOException {
        font = BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, null, null);
        ascent = font.getFontDescriptor(BaseFont.ASCENT, SIZE);
        for (char c = 0; c < CACHED_CHARS; c++) {
            charWidths[c] = font.getWidth(c) * SIZE / 1000;
        }
    }

    /**
     * A value's text in lines no wider than {@code width}: broken at its own line breaks,
     * then after the last space that fits (or anywhere in a word longer than the column),
     * at most {@code maxLines} of them, the last ending in an ellipsis when text is left
     * over. Joined, the lines are the text.
     */
    String[] lines(Object value, float width, int maxLines) {
        String text = CellText.of(value);
        if (text.length() > MAX_CHARS) {
            int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
            text = text.substring(0, end) + ELLIPSIS;
        }
        if (fitsOnOneLine(text, width)) {
            return new String[] { text };
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == '\n' || c == '\r') {
                wrap(text.substring(start, i).replace('\t', ' '), width, lines);
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (lines.size() > maxLines) {
            List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
            String last = kept.get(maxLines - 1);
            int end = Math.max(0,
                    last.offsetByCodePoints(last.length(), -Math.min(2, last.codePointCount(0, last.length()))));
            kept.set(maxLines - 1, last.substring(0, end) + ELLIPSIS);
            lines = kept;
        }
        return lines.toArray(String[]::new);
    }

    /** The width of text on one line, in points. */
    float width(String text) {
        float width = 0;
        for (int i = 0; i < text.length(); i++) {
            width += charWidth(text, i);
        }
        return width;
    }

    private boolean fitsOnOneLine(String text, float width) {
        float used = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                return false;
            }
            used += charWidth(text, i);
            if (used > width) {
                return false;
            }
        }
        return true;
    }

    private void wrap(String paragraph, float width, List<String> lines) {
        int start = 0;
        int afterSpace = -1;
        float used = 0;
        float usedAfterSpace = 0;
        for (int i = 0; i < paragraph.length(); i++) {
            float w = charWidth(paragraph, i);
            if (used + w > width && i > start && !Character.isLowSurrogate(paragraph.charAt(i))) {
                boolean atSpace = afterSpace > start;
                int end = atSpace ? afterSpace : i;
                lines.add(paragraph.substring(start, end));
                used = atSpace ? used - usedAfterSpace : 0;
                start = end;
                afterSpace = -1;
            }
            used += w;
            if (paragraph.charAt(i) == ' ') {
                afterSpace = i + 1;
                usedAfterSpace = used;
            }
        }
        lines.add(paragraph.substring(start));
    }

    /**
     * The width of the character at {@code i}: a whole code point at a high surrogate,
     * nothing at a low one (counted with its pair).
     */
    private float charWidth(String text, int i) {
        char c = text.charAt(i);
        if (c < CACHED_CHARS) {
            return charWidths[c];
        }
        if (Character.isLowSurrogate(c)) {
            return 0;
        }
        return font.getWidth(text.codePointAt(i)) * SIZE / 1000;
    }

}
