package io.dataforge.privacy;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Runs purges ordered over the API, on every scheduler replica: each purge is run by
 * whichever replica takes its lock first, and by another one if that replica dies.
 */
@Component
class PurgeRoutes extends RouteBuilder {

    private final PrivacyProperties props;

    private final TenantPurges purges;

    PurgeRoutes(PrivacyProperties props, TenantPurges purges) {
        this.props = props;
        this.purges = purges;
    }

    @Override
    public void configure() {
        long every = props.purgePoll().toMillis();
        from("timer:privacy-purges?period=" + every + "&delay=" + every).routeId("privacy.purges")
            .autoStartup("{{dataforge.role.scheduler}}")
            .routeConfigurationId(ErrorHandlingRoutes.BACKGROUND)
            .process(exchange -> purges.runWaiting());
    }

}
