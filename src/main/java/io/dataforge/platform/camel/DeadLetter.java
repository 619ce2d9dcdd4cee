package io.dataforge.platform.camel;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** One recorded failure, as admins list it. The body is shown as text when it is text. */
public record DeadLetter(long id, String routeId, String endpointUri, String exchangeId, OffsetDateTime failedAt,
        String errorType, @Schema(nullable = true) String errorMessage,
        @Schema(description = "the simple headers, as JSON text") String headers,
        @Schema(nullable = true,
                description = "the recorded body as text, or base64: and its bytes when it is not UTF-8") String body,
        boolean bodyTruncated, int replayCount, @Schema(nullable = true) OffsetDateTime replayedAt) {

    /** A page of dead letters, newest first. */
    @Schema(name = "DeadLetterPage")
    record Page(List<DeadLetter> content, int page, int size, long totalElements, long totalPages) {
    }

}
