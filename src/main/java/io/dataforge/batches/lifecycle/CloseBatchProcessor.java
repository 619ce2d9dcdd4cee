package io.dataforge.batches.lifecycle;

import java.util.UUID;

import io.dataforge.batches.BatchStatus;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.JsonBodies;
import io.dataforge.platform.web.Replies;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * {@code /complete}, {@code /complete-with-warnings}, {@code /fail}, {@code /cancel}:
 * only from IN_PROGRESS. A site deactivated meanwhile may still close the batch it had
 * open.
 */
@Component
class CloseBatchProcessor {

    static final int MAX_REASON = 4000;

    private final SiteCallers callers;

    private final BatchRepository batches;

    private final BatchEvents events;

    CloseBatchProcessor(SiteCallers callers, BatchRepository batches, BatchEvents events) {
        this.callers = callers;
        this.batches = batches;
        this.events = events;
    }

    void close(Exchange exchange, BatchStatus status) {
        UUID siteId = callers.siteId(exchange);
        Batch batch = callers.ownBatch(exchange, siteId);
        String reason = status == BatchStatus.FAILED ? reason(exchange) : null;
        Batch closed = batches.close(batch.id(), siteId, status, reason)
            .orElseThrow(() -> new ApiException(409,
                    "Batch " + batch.id() + " is " + batch.status() + "; only an IN_PROGRESS batch can change",
                    "BATCH_CLOSED", null));
        events.batch(switch (status) {
            case FAILED -> "batch.failed";
            case CANCELLED -> "batch.cancelled";
            default -> "batch.completed";
        }, closed);
        Replies.json(exchange, 200, BatchClosed.of(closed));
    }

    private static String reason(Exchange exchange) {
        String text = exchange.getMessage().getBody(String.class);
        if (text == null || text.isBlank()) {
            return null;
        }
        exchange.getMessage().setBody(text);
        String value = JsonBodies.read(exchange, FailReason.class).reason();
        return value != null && value.length() > MAX_REASON ? value.substring(0, MAX_REASON) : value;
    }

}
