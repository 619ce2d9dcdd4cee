package io.dataforge.batches.lifecycle;

import io.dataforge.platform.web.ApiException;

/**
 * A client's file name becomes the last segment of an S3 key: one plain name, nothing
 * that walks paths.
 */
final class FileNames {

    static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    static String check(String name) {
        if (name == null || name.isBlank()) {
            throw new ApiException(400, "Each file part needs a file name");
        }
        if (name.length() > MAX_LENGTH) {
            throw new ApiException(400, "File name longer than " + MAX_LENGTH + " characters");
        }
        if (name.contains("/") || name.contains("\\") || name.contains("..") || name.equals(".")
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new ApiException(400, "File name must not contain path separators, '..' or control characters: "
                    + name.replaceAll("\\p{Cntrl}", "?"));
        }
        return name;
    }

}
