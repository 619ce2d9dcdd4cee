package io.dataforge.privacy;

import io.dataforge.identity.Caller;
import io.dataforge.platform.web.QueryParams;
import io.dataforge.platform.web.Replies;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The REST side of purges; the work itself runs in the scheduler ({@link PurgeRoutes}).
 */
@Component
class PurgeRequests {

    private final TenantPurges purges;

    PurgeRequests(TenantPurges purges) {
        this.purges = purges;
    }

    void order(Exchange exchange) {
        Purge purge = purges.order(QueryParams.pathId(exchange, "id"), "api", Caller.of(exchange).subject());
        exchange.getMessage().setHeader("Location", "/admin/purges/" + purge.id());
        Replies.json(exchange, purge.completed() ? 200 : 202, purge);
    }

    void preview(Exchange exchange) {
        Replies.json(exchange, 200, purges.preview(QueryParams.pathId(exchange, "id")));
    }

    void latest(Exchange exchange) {
        Replies.json(exchange, 200, purges.latest(QueryParams.pathId(exchange, "id")));
    }

    void get(Exchange exchange) {
        Replies.json(exchange, 200, purges.find(QueryParams.pathId(exchange, "purgeId")));
    }

}
