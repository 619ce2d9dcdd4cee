package io.dataforge.errors;

import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.batches.Batches;
import io.dataforge.identity.Caller;
import io.dataforge.platform.messaging.DomainEvents;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.QueryParams;
import io.dataforge.platform.web.JsonBodies;
import io.dataforge.platform.web.Replies;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /api/v1/error[/{batchId}]}: a site reports an error it met. Bound to a
 * batch, the batch is marked hasErrors. {@code metadata} is free JSON kept as jsonb. The
 * body is capped by the web layer (413).
 */
@Component
class ReportErrorProcessor implements Processor {

    private static final Pattern METRIC_TYPE = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    private final ErrorLogRepository errors;

    private final Batches batches;

    private final ObjectMapper mapper;

    private final DomainEvents events;

    private final MeterRegistry meters;

    ReportErrorProcessor(ErrorLogRepository errors, Batches batches, ObjectMapper mapper, DomainEvents events,
            MeterRegistry meters) {
        this.errors = errors;
        this.batches = batches;
        this.mapper = mapper;
        this.events = events;
        this.meters = meters;
    }

    @Override
    @Transactional
    public void process(Exchange exchange) throws JsonProcessingException {
        Caller caller = Caller.of(exchange);
        if (caller.siteId() == null) {
            throw new ApiException(403, "Only sites report errors here");
        }
        ErrorReport report = JsonBodies.read(exchange, ErrorReport.class);
        UUID batchId = batchOf(exchange, caller);
        UUID id = UUID.randomUUID();
        Object metadata = report.metadata();
        errors.insert(id, caller.accountId(), caller.siteId(), batchId, report.type(), report.title(), report.message(),
                ErrorReport.orNull(report.stackTrace()), ErrorReport.orNull(report.clientVersion()),
                metadata == null ? null : mapper.writeValueAsString(metadata));
        if (batchId != null) {
            batches.markHasErrors(batchId);
        }
        events.publish("error.reported",
                new ErrorReported(id, caller.siteId(), caller.accountId(), batchId, report.type()));
        // clients name their types: odd names share one tag value so the series count
        // stays bounded
        String type = report.type();
        meters.counter("dataforge.errors.reported", "type", METRIC_TYPE.matcher(type).matches() ? type : "other")
            .increment();
        Replies.json(exchange, 204, null);
    }

    private UUID batchOf(Exchange exchange, Caller caller) {
        String raw = exchange.getMessage().getHeader("batchId", String.class);
        if (raw == null) {
            return null;
        }
        UUID batchId = QueryParams.pathId(exchange, "batchId");
        UUID owner = batches.siteOf(batchId).orElseThrow(() -> new ApiException(404, "No batch " + batchId));
        if (!owner.equals(caller.siteId())) {
            throw new ApiException(403, "Batch " + batchId + " belongs to another site");
        }
        return batchId;
    }

    /** The payload of {@code error.reported}. */
    record ErrorReported(UUID errorId, UUID siteId, UUID accountId, UUID batchId, String type) {
    }

}
