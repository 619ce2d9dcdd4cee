package io.dataforge.batches.lifecycle;

import java.util.UUID;

import io.dataforge.identity.ActiveSites;
import io.dataforge.identity.ActiveSites.ActiveSite;
import io.dataforge.identity.Caller;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.QueryParams;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The calling site, still active (a token outlives a deactivation by up to 24 h), and the
 * batch it names.
 */
@Component
class SiteCallers {

    private final ActiveSites sites;

    private final BatchRepository batches;

    SiteCallers(ActiveSites sites, BatchRepository batches) {
        this.sites = sites;
        this.batches = batches;
    }

    ActiveSite activeSite(Exchange exchange) {
        return sites.find(siteId(exchange))
            .orElseThrow(() -> new ApiException(403, "This site or its account is inactive"));
    }

    /**
     * The calling site, active or not (a deactivated site may still finish its open
     * batch).
     */
    UUID siteId(Exchange exchange) {
        Caller caller = Caller.of(exchange);
        if (caller.siteId() == null) {
            throw new ApiException(403, "Only sites use the batch API");
        }
        return caller.siteId();
    }

    /** The batch in the path: 404 when unknown, 403 when it is another site's. */
    Batch ownBatch(Exchange exchange, UUID siteId) {
        UUID id = QueryParams.pathId(exchange, "batchId");
        Batch batch = batches.find(id).orElseThrow(() -> new ApiException(404, "No batch " + id));
        if (!batch.siteId().equals(siteId)) {
            throw new ApiException(403, "Batch " + id + " belongs to another site");
        }
        return batch;
    }

}
