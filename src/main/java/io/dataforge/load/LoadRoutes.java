package io.dataforge.load;

import io.dataforge.load.copy.LoadUploadProcessor;
import io.dataforge.load.copy.MarkLoadFailedProcessor;
import io.dataforge.load.rules.QueueBatchFilesProcessor;
import io.dataforge.load.webhooks.DeliverWebhookProcessor;
import io.dataforge.load.webhooks.WebhookDelivery;
import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.messaging.MessagingProperties;
import io.dataforge.platform.messaging.WorkerQueues;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code load.copy}: workers competing on the load queue, {@code concurrency} at a time
 * on this instance, one unacknowledged message each; a message is acknowledged only after
 * its outcome committed. {@code load.republish}: sends the load and callback messages the
 * broker did not take when they were due. {@code load.webhook}: delivers callbacks, a
 * first attempt then {@code webhooks.retries} retries with doubling delays; after the
 * last, the upload shows the callback failed and a dead letter records it. Callbacks
 * never hold up loads (their own queue). {@code load.batch-files}:
 * {@code batch.completed} events, whose files the account's load rules turn into uploads.
 */
@Component
class LoadRoutes extends RouteBuilder {

    private final WorkerQueues queues;

    private final LoadProperties props;

    private final LoadUploadProcessor loadUpload;

    private final MarkLoadFailedProcessor markFailed;

    private final LoadQueue loadQueue;

    private final DeliverWebhookProcessor deliverWebhook;

    private final QueueBatchFilesProcessor queueBatchFiles;

    private final MessagingProperties messaging;

    LoadRoutes(WorkerQueues queues, LoadProperties props, LoadUploadProcessor loadUpload,
            MarkLoadFailedProcessor markFailed, LoadQueue loadQueue, DeliverWebhookProcessor deliverWebhook,
            QueueBatchFilesProcessor queueBatchFiles, MessagingProperties messaging) {
        this.queues = queues;
        this.props = props;
        this.loadUpload = loadUpload;
        this.markFailed = markFailed;
        this.loadQueue = loadQueue;
        this.deliverWebhook = deliverWebhook;
        this.queueBatchFiles = queueBatchFiles;
        this.messaging = messaging;
    }

    @Override
    public void configure() {
        from(queues.consumer(props.queue(), props.queue(), props.concurrency(), 1)).routeId("load.copy")
            .autoStartup("{{dataforge.role.load-worker}}")
            .routeConfigurationId(ErrorHandlingRoutes.WORKER)
            .onCompletion()
            .onFailureOnly()
            .process(markFailed)
            .end()
            .process(loadUpload);

        long republish = props.republishInterval().toMillis();
        from("timer:load-republish?period=" + republish + "&delay=" + republish).routeId("load.republish")
            .autoStartup("{{dataforge.role.scheduler}}")
            .routeConfigurationId(ErrorHandlingRoutes.BACKGROUND)
            .process(e -> loadQueue.publishPending());

        LoadProperties.Webhooks webhooks = props.webhooks();
        from(queues.consumer(webhooks.queue(), webhooks.queue(), 4, 1)).routeId("load.webhook")
            .autoStartup("{{dataforge.role.webhook-worker}}")
            .routeConfigurationId(WebhookDelivery.ID)
            .process(deliverWebhook);

        from(queues.subscriber(messaging.eventsExchange(), "batch.completed", props.queue() + ".batches"))
            .routeId("load.batch-files")
            .autoStartup("{{dataforge.role.load-worker}}")
            .routeConfigurationId(ErrorHandlingRoutes.WORKER)
            .process(queueBatchFiles);
    }

}
