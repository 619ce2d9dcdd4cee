package io.dataforge.watch;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.watch.process.ProcessWatchedFileProcessor;
import io.dataforge.watch.scan.WatchScanner;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The watched folder's two routes: every poll interval {@code watch.scan} has the lock
 * holder scan the folder and queue the files whose write has finished
 * ({@link WatchScanner}), in the order they became ready; {@code
 * watch.process} works that queue with {@code dataforge.watch.concurrency} consumers, the
 * rest wait.
 */
@Component
public class WatchRoutes extends RouteBuilder {

    public static final String PROCESS = "watch.process";

    private final WatchProperties props;

    private final WatchScanner scanner;

    private final ProcessWatchedFileProcessor processFile;

    WatchRoutes(WatchProperties props, WatchScanner scanner, ProcessWatchedFileProcessor processFile) {
        this.props = props;
        this.scanner = scanner;
        this.processFile = processFile;
    }

    @Override
    public void configure() {
        from("timer:watch-scan?delay=1000&period=" + props.pollInterval().toMillis()).routeId("watch.scan")
            .autoStartup("{{dataforge.role.watch}}")
            .routeConfigurationId(ErrorHandlingRoutes.BACKGROUND)
            .process(exchange -> scanner.scan());

        from("seda:watch.files?size=1000000&concurrentConsumers=" + props.concurrency()).routeId(PROCESS)
            .autoStartup("{{dataforge.role.watch}}")
            .routeConfigurationId(ErrorHandlingRoutes.WORKER)
            .process(processFile);
    }

}
