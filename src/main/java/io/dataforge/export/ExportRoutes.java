package io.dataforge.export;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.messaging.WorkerQueues;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
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
class ExportRoutes extends EndpointRouteBuilder {

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
        from(queues.consumer(props.queue(), props.queue())
            .advanced()
            .concurrentConsumers(props.concurrency())
            .prefetchCount(1)).routeId("export.render")
            .routeConfigurationId(ErrorHandlingRoutes.WORKER)
            .onCompletion()
            .onFailureOnly()
            .process(markFailed)
            .end()
            .process(render);

        from(queues.consumer(props.requestsQueue(), props.requestsQueue())
            .disableReplyTo(true)
            .advanced()
            .concurrentConsumers(1)
            .prefetchCount(10)).routeId("export.requests")
            .routeConfigurationId(ErrorHandlingRoutes.WORKER)
            .process(orderFromQueue);

        from(timer("export-republish").period(props.republishInterval().toMillis())
            .delay(props.republishInterval().toMillis())).routeId("export.republish")
            .routeConfigurationId(ErrorHandlingRoutes.BACKGROUND)
            .process(e -> queue.publishPending());

        from(timer("export-retention").period(props.retentionCheck().toMillis()).delay(60_000L))
            .routeId("export.retention")
            .routeConfigurationId(ErrorHandlingRoutes.BACKGROUND)
            .process(expire);
    }

}
