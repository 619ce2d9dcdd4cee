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

    MarkWebhookFailedProcessor(UploadRepository uploads) {
        this.uploads = uploads;
    }

    @Override
    public void process(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        uploads.webhookFailed(LoadMessages.uploadId(exchange),
                "given up after all retries: " + (cause == null ? "unknown error" : cause.getMessage()));
    }

}
