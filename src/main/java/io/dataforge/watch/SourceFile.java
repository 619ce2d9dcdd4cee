package io.dataforge.watch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A file being processed: where it is, what it was when claimed, and the metadata its
 * objects carry.
 */
public record SourceFile(Path file, String path, long size, Instant mtime, String sha256) {

    /**
     * S3 metadata of one output; {@code entry} is the path inside an archive, or null.
     */
    public Map<String, String> metadata(String entry) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("source-path", headerSafe(path));
        meta.put("source-size", Long.toString(size));
        meta.put("source-mtime", mtime.toString());
        meta.put("source-sha256", sha256);
        if (entry != null) {
            meta.put("source-entry", headerSafe(entry));
        }
        return meta;
    }

    /**
     * Metadata travels as HTTP headers: anything outside printable ASCII (and '%') is
     * percent-encoded.
     */
    static String headerSafe(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '%') {
                out.append((char) c);
            }
            else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
