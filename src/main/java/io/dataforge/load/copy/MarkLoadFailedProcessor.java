package io.dataforge.load.copy;

import java.util.UUID;

import io.dataforge.load.LoadMessages;
import io.dataforge.load.UploadRepository;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * After {@code load.copy} gave up on a message (redeliveries spent, message
 * dead-lettered), the upload it named is marked failed with the cause, so its owner sees
 * it and may retry; a finished upload is left as it is.
 */
@Component
public class MarkLoadFailedProcessor implements Processor {

    private final JdbcTemplate jdbc;

    private final LoadMetrics metrics;

    MarkLoadFailedProcessor(JdbcTemplate jdbc, LoadMetrics metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        UUID id;
        try {
            id = LoadMessages.uploadId(exchange);
        }
        catch (IllegalArgumentException e) {
            return; // not a load message: the dead letter is all there is to record
        }
        Exception cause = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = "the load could not run: " + (cause == null ? "unknown error" : cause.getMessage());
        int marked = jdbc.update(
                "UPDATE uploads SET status = 'failed', error_message = ?, completed_at = now(), "
                        + UploadRepository.WEBHOOK_DUE + " WHERE id = ? AND status IN ('uploaded', 'processing')",
                reason, id);
        if (marked > 0) {
            metrics.gaveUp();
        }
    }

}
