package io.dataforge.platform.messaging;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The queue depths, read from the broker every
 * {@code dataforge.messaging.queue-depth-refresh} on every replica, whatever its roles.
 */
@Component
class QueueDepthRoutes extends RouteBuilder {

    private final MessagingProperties props;

    private final QueueDepths depths;

    QueueDepthRoutes(MessagingProperties props, QueueDepths depths) {
        this.props = props;
        this.depths = depths;
    }

    @Override
    public void configure() {
        from("timer:queue-depths?delay=1000&period=" + props.queueDepthRefresh().toMillis())
            .routeId("platform.queue-depths")
            .routeConfigurationId(ErrorHandlingRoutes.BACKGROUND)
            .process(depths);
    }

}
