package io.dataforge.watch;

import java.util.List;
import java.util.regex.Pattern;

/** Where a watched file's outputs and its completion marker go in the bucket. */
public final class OutputKeys {

    private static final String MARKERS = ".dataforge/watch/";

    private static final Pattern ARCHIVE_SUFFIX = Pattern
        .compile("(?i)\\.(tar\\.gz|tgz|tar\\.bz2|tbz2|tbz|tar\\.xz|txz|tar|zip|7z|rar|gz|bz2|xz)$");

    private final String prefix;

    OutputKeys(String prefix) {
        this.prefix = prefix;
    }

    /** A file that goes up unchanged. */
    public String object(String path) {
        return prefix + path;
    }

    /** A data file converted: the same name with {@code .parquet}. */
    public String parquet(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        String base = dot > slash + 1 ? path.substring(0, dot) : path;
        return prefix + base + ".parquet";
    }

    /**
     * Written last, once every output is stored: what a lost progress table is rebuilt
     * from.
     */
    public String marker(String path) {
        return prefix + MARKERS + path + ".json";
    }

    public String markerPrefix() {
        return prefix + MARKERS;
    }

    /**
     * Every key prefix a file's outputs can start with, whatever it turned out to be
     * (file, data or archive).
     */
    public List<String> possibleOutputPrefixes(String path) {
        String base = ARCHIVE_SUFFIX.matcher(path).replaceFirst("");
        return List.of(object(path), parquet(path), prefix + base + "/", object(base), parquet(base));
    }

}
