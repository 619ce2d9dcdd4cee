package io.dataforge.export.render;

import java.util.Locale;

/**
 * The file formats an export can be rendered as, with what the stored object is named and
 * served as.
 */
public enum ExportFormat {

    CSV("csv", "text/csv"), JSON("json", "application/json"), NDJSON("ndjson", "application/x-ndjson"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), PDF("pdf", "application/pdf");

    private final String extension;

    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** Without the dot: {@code "csv"}. */
    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /**
     * The format named in an API request, in any case ({@code "csv"}, {@code "XLSX"}).
     */
    public static ExportFormat parse(String name) {
        if (name != null) {
            for (ExportFormat format : values()) {
                if (format.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                    return format;
                }
            }
        }
        throw new IllegalArgumentException(
                "Unknown export format '" + name + "', expected one of csv, json, ndjson, xlsx, pdf");
    }

}
