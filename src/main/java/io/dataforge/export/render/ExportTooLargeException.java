package io.dataforge.export.render;

/**
 * The rendered file grew past its cap; the export fails rather than fill the store (or a
 * reader's memory).
 */
public class ExportTooLargeException extends RuntimeException {

    public ExportTooLargeException(ExportFormat format, long maxBytes) {
        super(format + " export is larger than its cap of " + maxBytes + " bytes; narrow the query or choose CSV, "
                + "NDJSON or XLSX");
    }

}
