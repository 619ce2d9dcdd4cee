package io.dataforge.batches.figures;

import io.dataforge.batches.BatchProperties;
import io.dataforge.platform.camel.ErrorHandlingRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Per-account batch gauges, read from the database every
 * {@code dataforge.batches.gauge-refresh}.
 */
@Component
class BatchGaugeRoutes extends RouteBuilder {

    private final BatchProperties props;

    private final RefreshBatchGaugesProcessor refresh;

    BatchGaugeRoutes(BatchProperties props, RefreshBatchGaugesProcessor refresh) {
        this.props = props;
        this.refresh = refresh;
    }

    @Override
    public void configure() {
        from("timer:batches-gauges?delay=5000&period=" + props.gaugeRefresh().toMillis()).routeId("batches.gauges")
            .routeConfigurationId(ErrorHandlingRoutes.BACKGROUND)
            .to("direct:batches.gauges-refresh");

        from("direct:batches.gauges-refresh").routeId("batches.gauges-refresh")
            .routeConfigurationId(ErrorHandlingRoutes.INLINE)
            .process(refresh);
    }

}
