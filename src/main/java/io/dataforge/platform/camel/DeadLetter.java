package io.dataforge.platform.camel;

import java.time.OffsetDateTime;

/** One recorded failure, as admins list it. The body is shown as text when it is text. */
public record DeadLetter(long id, String routeId, String endpointUri, String exchangeId, OffsetDateTime failedAt,
        String errorType, String errorMessage, String headers, String body, boolean bodyTruncated, int replayCount,
        OffsetDateTime replayedAt) {
}
