package io.dataforge.export.render;

import io.dataforge.export.render.pdf.PdfRenderer;
import io.dataforge.export.render.xlsx.XlsxRenderer;

/** The renderer of each export format. */
public final class Renderers {

    private Renderers() {
    }

    public static Renderer of(ExportFormat format, RenderOptions options) {
        return switch (format) {
            case CSV -> new CsvRenderer();
            case JSON -> new JsonRenderer(false);
            case NDJSON -> new JsonRenderer(true);
            case XLSX -> new XlsxRenderer(options.xlsxRowsPerSheet());
            case PDF -> new PdfRenderer(options.pdfTitle(), options.pdfMaxBytes());
        };
    }

}
