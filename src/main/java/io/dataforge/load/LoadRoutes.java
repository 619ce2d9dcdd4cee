package io.dataforge.load;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.messaging.WorkerQueues;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code load.copy}: workers competing on the load queue, {@code concurrency} at a time on this instance, one
 * unacknowledged message each; a message is acknowledged only after its outcome committed. {@code load.republish}:
 * sends the load messages the broker did not take at upload time.
 */
@Component
class LoadRoutes extends EndpointRouteBuilder {

    private final WorkerQueues queues;
    private final LoadProperties props;
    private final LoadUploadProcessor loadUpload;
    private final MarkLoadFailedProcessor markFailed;
    private final LoadQueue loadQueue;

    LoadRoutes(WorkerQueues queues, LoadProperties props, LoadUploadProcessor loadUpload,
               MarkLoadFailedProcessor markFailed, LoadQueue loadQueue) {
        this.queues = queues;
        this.props = props;
        this.loadUpload = loadUpload;
        this.markFailed = markFailed;
        this.loadQueue = loadQueue;
    }

    @Override
    public void configure() {
        from(queues.consumer(props.queue(), props.queue()).advanced()
                .concurrentConsumers(props.concurrency()).prefetchCount(1))
                .routeId("load.copy").routeConfigurationId(ErrorHandlingRoutes.WORKER)
                .onCompletion().onFailureOnly().process(markFailed).end()
                .process(loadUpload);

        from(timer("load-republish").period(props.republishInterval().toMillis()).delay(props.republishInterval().toMillis()))
                .routeId("load.republish")
                .process(e -> loadQueue.publishPending());
    }
}
