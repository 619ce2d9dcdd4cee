package io.dataforge.export;

import java.time.Instant;

import io.dataforge.platform.storage.ObjectStore;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * {@code export.retention}: deletes the files whose retention ended; their jobs stay,
 * marked expired.
 */
@Component
class ExpireExportsProcessor implements Processor {

    private final ExportJobRepository jobs;

    private final ObjectStore store;

    ExpireExportsProcessor(ExportJobRepository jobs, ObjectStore store) {
        this.jobs = jobs;
        this.store = store;
    }

    @Override
    public void process(Exchange exchange) {
        for (ExportJob job : jobs.expiring(Instant.now(), 1000)) {
            store.delete(job.objectKey());
            jobs.markExpired(job.id());
        }
    }

}
