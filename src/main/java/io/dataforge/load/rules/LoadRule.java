package io.dataforge.load.rules;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Files of completed batches whose name matches {@code pattern} (a glob: * and ?) load
 * into {@code dataset}.
 */
record LoadRule(String pattern, String dataset) {

    private static final Pattern GLOB = Pattern.compile("[A-Za-z0-9._*?\\-]{1,200}");

    static boolean isValidPattern(String pattern) {
        return pattern != null && GLOB.matcher(pattern).matches();
    }

    boolean matches(String fileName) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        return fileName != null && !fileName.contains("/") && matcher.matches(Path.of(fileName));
    }

    Map<String, Object> view() {
        return Map.of("pattern", pattern, "dataset", dataset);
    }
}
