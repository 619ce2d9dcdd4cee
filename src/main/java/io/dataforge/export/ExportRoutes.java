package io.dataforge.export;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.messaging.WorkerQueues;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code export.render}: workers competing on the export queue, {@code concurrency} at a
 * time on this instance, one unacknowledged message each, acknowledged only after the
 * job's outcome committed; transient failures are retried with exponential backoff
 * (platform.worker), then the job is failed and the message dead-lettered into
 * {@code <queue>.dlq}. {@code export.republish}: publishes jobs the broker did not take
 * and jobs that waited for a slot. {@code export.retention}: hourly, deletes files past
 * their retention. {@code export.requests}: orders published by other systems (see
 * OrderFromQueueProcessor).
 */
@Component
class ExportRoutes extends RouteBuilder {

    private final WorkerQueues queues;

    private final ExportProperties props;

    private final RenderExportProcessor render;

    private final MarkExportFailedProcessor markFailed;

    private final ExportQueue queue;

    private final ExpireExportsProcessor expire;

    private final OrderFromQueueProcessor orderFromQueue;

    ExportRoutes(WorkerQueues queues, ExportProperties props, RenderExportProcessor render,
            MarkExportFailedProcessor markFailed, ExportQueue queue, ExpireExportsProcessor expire,
            OrderFromQueueProcessor orderFromQueue) {
        this.queues = queues;
        this.props = props;
        this.render = render;
        this.markFailed = markFailed;
        this.queue = queue;
        this.expire = expire;
        this.orderFromQueue = orderFromQueue;
    }

    @Override
    public void configure() {
        from(queues.consumer(props.queue(), props.queue(), props.concurrency(), 1)).routeId("export.render")
            .autoStartup("{{dataforge.role.export-worker}}")
            .routeConfigurationId(ErrorHandlingRoutes.WORKER)
            .onCompletion()
            .onFailureOnly()
            .process(markFailed)
            .end()
            .process(render);

        // replies go out through the confirmed publisher, not Camel's reply-to handling
        from(queues.consumer(props.requestsQueue(), props.requestsQueue(), 1, 10) + "&disableReplyTo=true")
            .routeId("export.requests")
            .autoStartup("{{dataforge.role.export-worker}}")
            .routeConfigurationId(ErrorHandlingRoutes.WORKER)
            .process(orderFromQueue);

        long republish = props.republishInterval().toMillis();
        from("timer:export-republish?period=" + republish + "&delay=" + republish).routeId("export.republish")
            .autoStartup("{{dataforge.role.scheduler}}")
            .routeConfigurationId(ErrorHandlingRoutes.BACKGROUND)
            .process(e -> queue.publishPending());

        from("timer:export-retention?delay=60000&period=" + props.retentionCheck().toMillis())
            .routeId("export.retention")
            .autoStartup("{{dataforge.role.scheduler}}")
            .routeConfigurationId(ErrorHandlingRoutes.BACKGROUND)
            .process(expire);
    }

}
