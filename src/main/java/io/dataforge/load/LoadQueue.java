package io.dataforge.load;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.dataforge.platform.messaging.ConfirmedPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes load and callback messages from committed upload rows (an outbox): a message
 * counts as sent only once the broker confirmed it, and then the row is marked published.
 * While the broker is down the row stays unpublished and {@link #publishPending()} sends
 * it later, so nothing is lost between a commit and its message. A message sent twice is
 * harmless: its consumer skips an upload whose step is already done.
 */
@Component
public class LoadQueue {

    private final ConfirmedPublisher publisher;

    private final UploadRepository uploads;

    private final LoadProperties props;

    LoadQueue(ConfirmedPublisher publisher, UploadRepository uploads, LoadProperties props) {
        this.publisher = publisher;
        this.uploads = uploads;
        this.props = props;
    }

    /** True when the broker confirmed the load message. */
    public boolean publishLoad(UUID uploadId) {
        return publish(props.queue(), uploadId, uploads::markPublished);
    }

    /** True when the broker confirmed the callback message. */
    public boolean publishWebhook(UUID uploadId) {
        return publish(props.webhooks().queue(), uploadId, uploads::markWebhookPublished);
    }

    /**
     * Publishes what was left unpublished; stops at the first failure (the broker is
     * still away).
     */
    void publishPending() {
        if (publishAll(uploads.unpublished(props.queue(), 100), this::publishLoad)) {
            publishAll(uploads.unpublishedWebhooks(100), this::publishWebhook);
        }
    }

    private static boolean publishAll(List<UUID> ids, Predicate<UUID> publish) {
        for (UUID id : ids) {
            if (!publish.test(id)) {
                return false;
            }
        }
        return true;
    }

    private boolean publish(String queue, UUID uploadId, Consumer<UUID> markPublished) {
        if (!publisher.publish(queue, queue, LoadMessages.body(uploadId))) {
            return false;
        }
        markPublished.accept(uploadId);
        return true;
    }

}
