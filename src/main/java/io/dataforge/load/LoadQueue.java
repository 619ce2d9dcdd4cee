package io.dataforge.load;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes load messages from committed upload rows (an outbox): a message counts as sent only once the broker
 * confirmed it, and then the row is marked published. While the broker is down the row stays unpublished and
 * {@link #publishPending()} sends it later, so an upload is never lost between the 202 and its load. A message
 * sent twice is harmless: the worker skips an upload that is already finished.
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

    /** True when the broker confirmed the message. */
    boolean publish(UUID uploadId) {
        try {
            rabbit.invoke(channel -> {
                channel.convertAndSend(props.queue(), props.queue(), LoadMessages.body(uploadId));
                channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
                return null;
            });
        } catch (AmqpException e) {
            log.warn("Load message for upload {} not published yet ({}); it is sent again when the broker answers",
                    uploadId, e.getMessage());
            return false;
        }
        uploads.markPublished(uploadId);
        return true;
    }

    /** Publishes the uploads left unpublished; stops at the first failure (the broker is still away). */
    void publishPending() {
        for (UUID id : uploads.unpublished(100)) {
            if (!publish(id)) {
                return;
            }
        }
    }
}
