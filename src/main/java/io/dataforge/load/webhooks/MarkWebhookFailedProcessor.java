package io.dataforge.load.webhooks;

import io.dataforge.load.LoadMessages;
import io.dataforge.load.UploadRepository;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * After the last retry of a callback: the upload shows it failed, with the last error.
 */
@Component
class MarkWebhookFailedProcessor implements Processor {

    private final UploadRepository uploads;

    private final WebhookMetrics metrics;

    MarkWebhookFailedProcessor(UploadRepository uploads, WebhookMetrics metrics) {
        this.uploads = uploads;
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "unknown error" : cause.getMessage();
        uploads.webhookFailed(LoadMessages.uploadId(exchange), "given up after all retries: " + reason);
        metrics.ended(LoadMessages.uploadId(exchange), "gave-up", reason);
    }

}
