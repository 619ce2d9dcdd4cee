package io.dataforge.load.copy;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes rows in COPY's CSV format: an unquoted empty field is NULL, so an empty string
 * is written {@code ""}; a value holding a delimiter, quote, line break or backslash (the
 * {@code \.} end marker) is quoted.
 */
final class CopyRowWriter {

    private final Writer out;

    private final String prefix;

    /** {@code prefix}: the tenant and upload columns every row starts with. */
    CopyRowWriter(Writer out, String tenantId, String uploadId) {
        this.out = out;
        this.prefix = tenantId + "," + uploadId;
    }

    void write(String[] values) throws IOException {
        out.write(prefix);
        for (String value : values) {
            out.write(',');
            if (value != null) {
                writeValue(value);
            }
        }
        out.write('\n');
    }

    private void writeValue(String value) throws IOException {
        if (!needsQuotes(value)) {
            out.write(value);
            return;
        }
        out.write('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.write('"');
            }
            out.write(c);
        }
        out.write('"');
    }

    private static boolean needsQuotes(String value) {
        if (value.isEmpty()) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r' || c == '\\') {
                return true;
            }
        }
        return false;
    }

}
