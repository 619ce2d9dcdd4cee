package io.dataforge.load;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes load and callback messages from committed upload rows (an outbox): a message counts as sent only once
 * the broker confirmed it, and then the row is marked published. While the broker is down the row stays
 * unpublished and {@link #publishPending()} sends it later, so nothing is lost between a commit and its message. A
 * message sent twice is harmless: its consumer skips an upload whose step is already done.
 */
@Component
class LoadQueue {

    private static final Logger log = LoggerFactory.getLogger(LoadQueue.class);
    private static final long CONFIRM_TIMEOUT_MS = 10_000;

    private final RabbitTemplate rabbit;
    private final UploadRepository uploads;
    private final LoadProperties props;

    LoadQueue(RabbitTemplate rabbit, UploadRepository uploads, LoadProperties props) {
        this.rabbit = rabbit;
        this.uploads = uploads;
        this.props = props;
    }

    /** True when the broker confirmed the load message. */
    boolean publishLoad(UUID uploadId) {
        return publish(props.queue(), uploadId, uploads::markPublished);
    }

    /** True when the broker confirmed the callback message. */
    boolean publishWebhook(UUID uploadId) {
        return publish(props.webhooks().queue(), uploadId, uploads::markWebhookPublished);
    }

    /** Publishes what was left unpublished; stops at the first failure (the broker is still away). */
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
        try {
            rabbit.invoke(channel -> {
                channel.convertAndSend(queue, queue, LoadMessages.body(uploadId));
                channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
                return null;
            });
        } catch (AmqpException e) {
            log.warn("Message for upload {} to {} not published yet ({}); it is sent again when the broker answers",
                    uploadId, queue, e.getMessage());
            return false;
        }
        markPublished.accept(uploadId);
        return true;
    }
}
