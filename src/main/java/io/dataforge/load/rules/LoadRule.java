package io.dataforge.load.rules;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Files of completed batches whose name matches {@code pattern} (a glob: * and ?) load
 * into {@code dataset}.
 */
record LoadRule(@NotNull @Pattern(regexp = GLOB,
        message = "must be a file-name glob: letters, digits, . _ - and the wildcards * ? (at most 200)") String pattern,
        @NotBlank String dataset) {

    static final String GLOB = "[A-Za-z0-9._*?\\-]{1,200}";

    boolean matches(String fileName) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        return fileName != null && !fileName.contains("/") && matcher.matches(Path.of(fileName));
    }
}
