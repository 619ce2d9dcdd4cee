package io.dataforge.watch.progress;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A file of the watched folder as admins list it: what was seen of it, how far it got,
 * the S3 keys it produced and why it failed.
 */
record WatchedFile(String path, @Schema(allowableValues = {
        "pending", "in_progress", "completed", "failed" }) String status, long size, OffsetDateTime mtime,
        @Schema(nullable = true, description = "SHA-256 of the file, hex") String sha256, List<String> s3Keys,
        @Schema(nullable = true) String errorType, @Schema(nullable = true) String error, int attempts,
        @Schema(description = "how often the process stopped while the file was in progress") int interruptions,
        @Schema(nullable = true) OffsetDateTime nextAttemptAt, OffsetDateTime detectedAt,
        @Schema(nullable = true) OffsetDateTime startedAt, @Schema(nullable = true) OffsetDateTime finishedAt){

    /** A page of watched files. */
    @Schema(name = "WatchedFilePage")
    record Page(List<WatchedFile> content, int page, int size, long totalElements, long totalPages) {
    }

}
