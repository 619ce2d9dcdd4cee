package io.dataforge.export;

import java.util.UUID;

import io.dataforge.query.AuditLog;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * After {@code export.render} gave up on a message (retries spent, message
 * dead-lettered), the job it named is marked failed with the cause and its slot freed; a
 * finished job is left as it is.
 */
@Component
class MarkExportFailedProcessor implements Processor {

    private final ExportJobRepository jobs;

    private final ExportSlots slots;

    private final ExportQueue queue;

    private final AuditLog audit;

    private final ExportMetrics metrics;

    MarkExportFailedProcessor(ExportJobRepository jobs, ExportSlots slots, ExportQueue queue, AuditLog audit,
            ExportMetrics metrics) {
        this.jobs = jobs;
        this.slots = slots;
        this.queue = queue;
        this.audit = audit;
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        UUID id;
        try {
            id = queue.jobId(exchange.getMessage().getBody(String.class));
        }
        catch (IllegalArgumentException e) {
            return; // not a job message: the dead letter is all there is to record
        }
        Exception cause = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        jobs.find(id).filter(job -> !job.state().finished()).ifPresent(job -> {
            String reason = cause == null ? "unknown error" : cause.getMessage();
            slots.failed(job, "The export could not run: " + reason);
            metrics.gaveUp(job, reason);
            audit.record("export", job.principal(), job.tenantId(), job.dataset(), job.queryDefinition(), 0L, 500, 0);
        });
    }

}
