package io.dataforge.export.render;

/**
 * Settings of the renderers.
 *
 * @param pdfMaxBytes a PDF growing past this many bytes fails with
 * {@link ExportTooLargeException}
 * @param pdfTitle printed above the table on the first page and kept as the document
 * title
 * @param xlsxRowsPerSheet data rows per worksheet before the next one starts (Excel's
 * limit unless a test needs a smaller one)
 */
public record RenderOptions(long pdfMaxBytes, String pdfTitle, int xlsxRowsPerSheet) {

    public static final long DEFAULT_PDF_MAX_BYTES = 1L << 30;

    /** Excel's 1,048,576 rows per sheet, minus the header row. */
    public static final int EXCEL_MAX_DATA_ROWS = 1_048_575;

    public RenderOptions {
        if (pdfMaxBytes <= 0) {
            throw new IllegalArgumentException("pdfMaxBytes must be positive");
        }
        if (xlsxRowsPerSheet <= 0 || xlsxRowsPerSheet > EXCEL_MAX_DATA_ROWS) {
            throw new IllegalArgumentException("xlsxRowsPerSheet must be between 1 and " + EXCEL_MAX_DATA_ROWS);
        }
        pdfTitle = pdfTitle == null ? "" : pdfTitle;
    }

    public static RenderOptions defaults() {
        return new RenderOptions(DEFAULT_PDF_MAX_BYTES, "", EXCEL_MAX_DATA_ROWS);
    }

    public RenderOptions withPdfTitle(String title) {
        return new RenderOptions(pdfMaxBytes, title, xlsxRowsPerSheet);
    }
}
