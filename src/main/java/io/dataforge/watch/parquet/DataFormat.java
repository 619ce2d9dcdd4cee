package io.dataforge.watch.parquet;

import java.util.Locale;
import java.util.Optional;

/** The data file formats the watched folder converts to Parquet. */
public enum DataFormat {

    CSV, TSV, JSON, JSONL, XML;

    /**
     * By extension, case-insensitive: .csv .tsv .json .jsonl/.ndjson .xml; empty
     * otherwise.
     */
    public static Optional<DataFormat> ofFileName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0 || name.indexOf('/', dot) >= 0 || name.indexOf('\\', dot) >= 0) {
            return Optional.empty();
        }
        return switch (name.substring(dot + 1).toLowerCase(Locale.ROOT)) {
            case "csv" -> Optional.of(CSV);
            case "tsv" -> Optional.of(TSV);
            case "json" -> Optional.of(JSON);
            case "jsonl", "ndjson" -> Optional.of(JSONL);
            case "xml" -> Optional.of(XML);
            default -> Optional.empty();
        };
    }

}
