package io.dataforge.export;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dataforge.export.pack.Compression;
import io.dataforge.export.render.ExportFormat;
import io.dataforge.identity.Caller;
import io.dataforge.platform.database.AdvisoryLocks;
import io.dataforge.platform.text.Sha256;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.JsonBodies;
import io.dataforge.query.AuditLog;
import io.dataforge.query.QueryPlans;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orders an export, over REST or AMQP alike: an {@link ExportRequest}. The query is
 * planned for the caller (its tenant, its masking) before anything is stored, so a bad
 * one is refused at once. The same payload from the same caller within the idempotency
 * window gets the job it already ordered. The job row is committed first and its message
 * published from it.
 */
@Component
class ExportOrders {

    /** The job, and whether this order created it. */
    record Ordered(UUID jobId, ExportState state, boolean created) {
    }

    private final QueryPlans plans;

    private final ExportJobRepository jobs;

    private final ExportQueue queue;

    private final ExportProperties props;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate tx;

    private final ObjectMapper json;

    private final AuditLog audit;

    ExportOrders(QueryPlans plans, ExportJobRepository jobs, ExportQueue queue, ExportProperties props,
            JdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper json, AuditLog audit) {
        this.plans = plans;
        this.jobs = jobs;
        this.queue = queue;
        this.props = props;
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.audit = audit;
    }

    /**
     * Reads the order in the exchange's body and places it; an order refused (its body,
     * the caller's rights, a query that does not plan) is audited and thrown.
     */
    Ordered order(Caller caller, Exchange exchange) {
        String text = exchange.getMessage().getBody(String.class);
        exchange.getMessage().setBody(text); // read once: the binding reads it again
        ExportRequest request = null;
        try {
            request = JsonBodies.read(exchange, ExportRequest.class);
            return place(caller, request);
        }
        catch (ApiException e) {
            String dataset = request == null ? null : request.queryDefinition().dataset();
            audit.record("export", caller.subject(), caller.accountId(), dataset, text == null ? "" : text, 0L,
                    e.status(), 0);
            throw e;
        }
    }

    private Ordered place(Caller caller, ExportRequest request) {
        if (!caller.hasRole("EXPORTER") && !caller.hasRole("ADMIN")) {
            throw new ApiException(403, "Exporting needs role EXPORTER or ADMIN");
        }
        if (request.unknown() != null && !request.unknown().isEmpty()) {
            throw new ApiException(400, "unknown key '" + request.unknown().keySet().iterator().next()
                    + "': an export order has queryDefinition, format, compression");
        }
        ExportFormat format = format(request.format());
        Compression compression = compression(request.compression());
        QueryPlans.Plan plan = plans.plan(request.queryDefinition(), caller, props.maxRows());
        String hash = Sha256.hex(caller.subject() + "|" + canonical(request));
        Ordered ordered = tx.execute(status -> {
            AdvisoryLocks.lockForTransaction(jdbc, "export-order:" + hash);
            return jobs.recent(plan.tenant(), hash, props.idempotencyWindow())
                .map(id -> new Ordered(id, jobs.find(id).orElseThrow().state(), false))
                .orElseGet(() -> {
                    UUID id = UUID.randomUUID();
                    jobs.insert(id, plan.tenant(), caller.subject(), canonical(request.queryDefinition()),
                            plan.piiShown(), plan.dataset(), format, compression, hash, props.queue());
                    return new Ordered(id, ExportState.Pending, true);
                });
        });
        if (ordered.created()) {
            queue.publish(ordered.jobId()); // else the republish route sends it once the
                                            // broker answers
        }
        return ordered;
    }

    private static ExportFormat format(String name) {
        try {
            return ExportFormat.parse(name);
        }
        catch (IllegalArgumentException e) {
            throw new ApiException(400, "format must be csv, json, ndjson, xlsx or pdf");
        }
    }

    private static Compression compression(String name) {
        if (name == null) {
            return Compression.NONE;
        }
        if (Set.of("zip", "gzip").contains(name.toLowerCase(Locale.ROOT))) {
            return Compression.valueOf(name.toUpperCase(Locale.ROOT));
        }
        throw new ApiException(400, "compression must be zip or gzip (or left out)");
    }

    private String canonical(Object value) {
        try {
            return json.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(value);
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
