package io.dataforge.batches.lifecycle;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import io.dataforge.batches.BatchProperties;
import io.dataforge.identity.ActiveSites.ActiveSite;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.Replies;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/v1/batch/start}: one open batch per site (a unique index decides
 * between concurrent starts), an open batch past its timeout is closed as NOT_COMPLETED
 * first, and the account's open batches are capped. Files will land under
 * {@code {accountId}/{domain}/{yyyy-MM-dd}/{HH-mm}/} of the start (UTC).
 */
@Component
class StartBatchProcessor implements Processor {

    private static final DateTimeFormatter PREFIX_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd/HH-mm");

    private final SiteCallers callers;

    private final BatchRepository batches;

    private final BatchProperties props;

    private final BatchEvents events;

    StartBatchProcessor(SiteCallers callers, BatchRepository batches, BatchProperties props, BatchEvents events) {
        this.callers = callers;
        this.batches = batches;
        this.props = props;
        this.events = events;
    }

    @Override
    public void process(Exchange exchange) {
        ActiveSite site = callers.activeSite(exchange);
        batches.expire(site.siteId()).forEach(expired -> events.batch("batch.expired", expired));
        if (batches.countOpen(site.accountId()) >= props.maxActivePerAccount()) {
            throw new ApiException(409, "The account already has " + props.maxActivePerAccount()
                    + " batches in progress; complete one first", "TOO_MANY_ACTIVE_BATCHES", null);
        }
        UUID id = UUID.randomUUID();
        String prefix = site.accountId() + "/" + site.domain() + "/"
                + ZonedDateTime.now(ZoneOffset.UTC).format(PREFIX_TIME) + "/";
        try {
            batches.insert(id, site.accountId(), site.siteId(), prefix);
        }
        catch (DuplicateKeyException e) {
            throw new ApiException(409, "This site already has a batch in progress", "BATCH_IN_PROGRESS", null);
        }
        events.batch("batch.started", batches.find(id).orElseThrow());
        Replies.json(exchange, 200, new BatchStarted(id));
    }

}
