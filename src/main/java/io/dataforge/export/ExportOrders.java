package io.dataforge.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dataforge.export.pack.Compression;
import io.dataforge.export.render.ExportFormat;
import io.dataforge.identity.Caller;
import io.dataforge.platform.database.AdvisoryLocks;
import io.dataforge.platform.web.ApiException;
import io.dataforge.query.AuditLog;
import io.dataforge.query.QueryPlans;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orders an export, over REST or AMQP alike: {@code {queryDefinition, format,
 * compression?}}. The query is planned for the caller (its tenant, its masking) before
 * anything is stored, so a bad one is refused at once. The same payload from the same
 * caller within the idempotency window gets the job it already ordered. The job row is
 * committed first and its message published from it.
 */
@Component
class ExportOrders {

    /** The job, and whether this order created it. */
    record Ordered(UUID jobId, ExportState state, boolean created) {
    }

    private static final Set<String> KEYS = Set.of("queryDefinition", "format", "compression");

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

    Ordered order(Caller caller, Map<String, Object> body) {
        try {
            return place(caller, body);
        }
        catch (ApiException e) {
            Object dataset = body.get("queryDefinition") instanceof Map<?, ?> definition ? definition.get("dataset")
                    : null;
            audit.record("export", caller.subject(), caller.accountId(), dataset instanceof String name ? name : null,
                    String.valueOf(body), 0L, e.status(), 0);
            throw e;
        }
    }

    private Ordered place(Caller caller, Map<String, Object> body) {
        if (!caller.hasRole("EXPORTER") && !caller.hasRole("ADMIN")) {
            throw new ApiException(403, "Exporting needs role EXPORTER or ADMIN");
        }
        body.keySet().stream().filter(key -> !KEYS.contains(key)).findFirst().ifPresent(key -> {
            throw new ApiException(400,
                    "unknown key '" + key + "': an export order has queryDefinition, format, compression");
        });
        if (!(body.get("queryDefinition") instanceof Map<?, ?> raw)) {
            throw new ApiException(400, "queryDefinition must be a JSON object (a query as /api/v1/query takes it)");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> definition = (Map<String, Object>) raw;
        ExportFormat format = format(body.get("format"));
        Compression compression = compression(body.get("compression"));
        QueryPlans.Plan plan = plans.plan(definition, caller, props.maxRows());
        String hash = hash(caller.subject() + "|" + canonical(body));
        Ordered ordered = tx.execute(status -> {
            AdvisoryLocks.lockForTransaction(jdbc, "export-order:" + hash);
            return jobs.recent(plan.tenant(), hash, props.idempotencyWindow())
                .map(id -> new Ordered(id, jobs.find(id).orElseThrow().state(), false))
                .orElseGet(() -> {
                    UUID id = UUID.randomUUID();
                    jobs.insert(id, plan.tenant(), caller.subject(), canonical(definition), plan.piiShown(),
                            plan.dataset(), format, compression, hash, props.queue());
                    return new Ordered(id, ExportState.Pending, true);
                });
        });
        if (ordered.created()) {
            queue.publish(ordered.jobId()); // else the republish route sends it once the
                                            // broker answers
        }
        return ordered;
    }

    private static ExportFormat format(Object value) {
        try {
            return ExportFormat.parse(value instanceof String name ? name : null);
        }
        catch (IllegalArgumentException e) {
            throw new ApiException(400, "format must be csv, json, ndjson, xlsx or pdf");
        }
    }

    private static Compression compression(Object value) {
        if (value == null) {
            return Compression.NONE;
        }
        if (value instanceof String name && Set.of("zip", "gzip").contains(name.toLowerCase(Locale.ROOT))) {
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

    private static String hash(String text) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
