package io.dataforge.load.staging;

import java.util.List;

/**
 * A file part streamed into staging: where it went, its original name, size, header and
 * data rows counted.
 */
record StagedFile(String key, String fileName, boolean gzipped, long sizeBytes, List<String> header, long rows) {
}
