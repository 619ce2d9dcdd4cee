package io.dataforge.batches.lifecycle;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The timeout schedule's step: every open batch past {@code dataforge.batches.timeout}
 * becomes NOT_COMPLETED.
 */
@Component
class ExpireBatchesProcessor implements Processor {

    private static final Logger log = LoggerFactory.getLogger(ExpireBatchesProcessor.class);

    private final BatchRepository batches;

    private final BatchEvents events;

    ExpireBatchesProcessor(BatchRepository batches, BatchEvents events) {
        this.batches = batches;
        this.events = events;
    }

    @Override
    public void process(Exchange exchange) {
        List<Batch> expired = batches.expire(null);
        expired.forEach(batch -> events.batch("batch.expired", batch));
        if (!expired.isEmpty()) {
            log.info("Marked {} timed-out batches NOT_COMPLETED", expired.size());
        }
        exchange.getMessage().setBody(expired.size());
    }

}
