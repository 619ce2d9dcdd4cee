package io.dataforge.errors;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A stored error report as admins search it; {@code metadata} is the reported JSON as
 * text.
 */
record ErrorLog(UUID id, OffsetDateTime reportedAt, UUID accountId, UUID siteId, @Schema(nullable = true) UUID batchId,
        String type, String title, String message, @Schema(nullable = true) String stackTrace,
        @Schema(nullable = true) String clientVersion,
        @Schema(nullable = true, description = "the reported metadata, as JSON text") String metadata) {

    /** A page of error reports. */
    @Schema(name = "ErrorLogPage")
    record Page(List<ErrorLog> content, int page, int size, long totalElements, long totalPages) {
    }

}
