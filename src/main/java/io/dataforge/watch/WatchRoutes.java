package io.dataforge.watch;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The work queue of the watched folder: the scan (YAML route {@code watch.scan}) queues ready files in the
 * order they became ready; {@code dataforge.watch.concurrency} consumers process them, the rest wait.
 */
@Component
class WatchRoutes extends RouteBuilder {

    static final String PROCESS = "watch.process";

    private final WatchProperties props;
    private final ProcessWatchedFileProcessor processFile;

    WatchRoutes(WatchProperties props, ProcessWatchedFileProcessor processFile) {
        this.props = props;
        this.processFile = processFile;
    }

    @Override
    public void configure() {
        from("seda:watch.files?size=1000000&concurrentConsumers=" + props.concurrency())
                .routeId(PROCESS)
                .routeConfigurationId(ErrorHandlingRoutes.WORKER)
                .process(processFile);
    }
}
