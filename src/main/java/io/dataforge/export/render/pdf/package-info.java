/**
 * The PDF export: a paged table on landscape A4 drawn with OpenPDF straight into each
 * page's content (text at fixed positions, the grid as lines, no {@code PdfPTable}), the
 * header row repeated on every page, each page written out when the next row does not
 * fit, so memory stays flat whatever the row count.
 * <p>
 * In: from {@link io.dataforge.export.render.Renderers}, the column names, the
 * {@link io.dataforge.export.render.RowSource}, the title (the dataset's name) and the
 * byte cap ({@code dataforge.export.pdf-max-size}). Out: the document, in Liberation Sans
 * embedded as a subset of the glyphs used, the title above the table on the first page,
 * page numbers in the footer, column widths from the header and the first row, a value
 * wrapped over lines within its column (at its own line breaks, else after a space); the
 * number of rows written.
 * <p>
 * Bad record: a cell shows at most 1,000 characters, and at most the lines that fill half
 * a page (the last one ending in an ellipsis), so a row always fits on a page; characters
 * the font lacks (CJK, emoji) are left out of the page (CSV, JSON and XLSX keep them). A
 * document past its cap fails with
 * {@link io.dataforge.export.render.ExportTooLargeException} (checked at each page's end,
 * so it may run over by a page); a row whose width differs from the header, or anything
 * the row source throws, fails the render with that exception: the partial file is the
 * caller's to discard.
 * <p>
 * Replay: the same rows render the same pages, the creation date and document id aside; a
 * failed render starts again from the first row.
 */
package io.dataforge.export.render.pdf;
