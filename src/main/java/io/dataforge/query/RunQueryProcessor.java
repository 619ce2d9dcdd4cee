package io.dataforge.query;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.datasets.Dataset;
import io.dataforge.identity.Caller;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.JsonBodies;
import io.dataforge.platform.web.Replies;
import io.dataforge.query.cache.QueryCache;
import io.dataforge.query.sql.CompiledQuery;
import io.dataforge.query.sql.Keyset;
import io.dataforge.query.sql.QueryParser;
import io.dataforge.query.sql.QuerySpec;
import io.dataforge.query.sql.SqlCompiler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code POST|GET /api/v1/query}: reads the {@link QueryRequest}, compiles it for the
 * caller's tenant and rights, runs it, and answers a {@link QueryResult} with an ETag
 * over the rows; a matching If-None-Match gets 304. A full page of a row query carries
 * the signed cursor of the next one ({@code page.after}). The same query of the same
 * tenant and rights within 10 minutes is answered from {@link QueryCache}, once the
 * rights are checked again, unless its answer was over
 * {@link QueryCache#MAX_ANSWER_BYTES}. Every query, answered or refused, leaves a row in
 * the audit log. Roles VIEWER, EXPORTER or ADMIN; an admin names the tenant with
 * {@code tenantId}.
 */
@Component
class RunQueryProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(RunQueryProcessor.class);

    private static final Duration[] LATENCY_BUCKETS = { Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1) };

    private final QueryExecutor executor;

    private final QueryCursors cursors;

    private final ObjectMapper json;

    private final AuditLog auditLog;

    private final QueryCache cache;

    private final QueryAdmission admission;

    private final MeterRegistry meters;

    RunQueryProcessor(QueryExecutor executor, QueryCursors cursors, ObjectMapper json, AuditLog auditLog,
            QueryCache cache, QueryAdmission admission, MeterRegistry meters) {
        this.executor = executor;
        this.cursors = cursors;
        this.json = json;
        this.auditLog = auditLog;
        this.cache = cache;
        this.admission = admission;
        this.meters = meters;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Caller caller = Caller.of(exchange);
        long started = System.nanoTime();
        String request = exchange.getMessage().getBody(String.class);
        exchange.getMessage().setBody(request); // read once: the parser reads it again
        Audited audited = new Audited();
        int status = 500;
        QueryAdmission.Turn turn = null;
        try {
            turn = admission.admit();
            status = run(exchange, caller, started, audited);
        }
        catch (ApiException e) {
            status = e.status();
            throw e;
        }
        finally {
            long took = System.nanoTime() - started;
            latency(status, took);
            try {
                audit(caller, request == null ? "" : request, audited, status, took / 1_000_000);
            }
            finally {
                if (turn != null) {
                    turn.close(); // after the audit, which ends the query's snapshot and
                                  // frees its connection
                }
            }
        }
    }

    /**
     * {@code dataforge.query.latency{status}} (2xx, 3xx, 4xx, 5xx), from the request read
     * to the answer ready, with the SLO buckets of the query dashboard.
     */
    private void latency(int status, long nanos) {
        Timer.builder("dataforge.query.latency")
            .description("queries, from the request read to the answer ready")
            .tag("status", status / 100 + "xx")
            .serviceLevelObjectives(LATENCY_BUCKETS)
            .register(meters)
            .record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * The audit row goes in the round trip that ends the query's snapshot; where there is
     * no snapshot, or that round trip failed (a lost connection, say), through a
     * connection of its own.
     */
    private void audit(Caller caller, String request, Audited audited, int status, long ms) throws SQLException {
        if (audited.snapshot != null) {
            try {
                audited.snapshot.end(connection -> auditLog.rollBackAndRecord(connection, "query", caller.subject(),
                        audited.tenant, audited.dataset, request, audited.rows, status, ms));
                return;
            }
            catch (SQLException e) {
                LOG.warn("Audit row not written with the query's snapshot, writing it apart: {}", e.getMessage());
            }
        }
        auditLog.record("query", caller.subject(), audited.tenant, audited.dataset, request, audited.rows, status, ms);
    }

    private int run(Exchange exchange, Caller caller, long started, Audited audited) throws Exception {
        boolean admin = caller.hasRole("ADMIN");
        if (!admin && !caller.hasRole("VIEWER") && !caller.hasRole("EXPORTER")) {
            throw new ApiException(403, "Querying needs role VIEWER, EXPORTER or ADMIN");
        }
        QuerySpec spec = QueryParser.parse(JsonBodies.read(exchange, QueryRequest.class));
        audited.dataset = spec.dataset();
        QueryExecutor.Snapshot snapshot = executor.open(spec.dataset());
        audited.snapshot = snapshot; // ended with the audit row
        Dataset dataset = snapshot.dataset();
        UUID tenant = QueryPlans.tenant(caller, spec.tenantId(), admin);
        audited.tenant = tenant;
        boolean piiShown = QueryPlans.piiShown(caller);
        Keyset keyset = spec.after() == null ? null : cursors.read(spec.after(), spec, tenant);
        CompiledQuery query = SqlCompiler.compile(spec, dataset, tenant, piiShown, keyset);
        QueryCache.Key key = new QueryCache.Key(tenant, piiShown, dataset.name(), snapshot.version(), spec.toString(),
                cache.generation(dataset.name()));
        QueryCache.Answer answer = cache.get(key);
        if (answer == null) {
            answer = answer(spec, tenant, query, started, snapshot);
            if (answer.body().length <= QueryCache.MAX_ANSWER_BYTES) {
                cache.put(key, answer);
            }
        }
        audited.rows = answer.rows();
        exchange.getMessage().setHeader("ETag", answer.etag());
        if (answer.etag().equals(exchange.getMessage().getHeader("If-None-Match", String.class))) {
            Replies.json(exchange, 304, null);
            return 304;
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(answer.body());
        return 200;
    }

    private QueryCache.Answer answer(QuerySpec spec, UUID tenant, CompiledQuery query, long started,
            QueryExecutor.Snapshot snapshot) throws Exception {
        PageBody body = new PageBody(json.getFactory());
        Long total = snapshot.run(query, spec.includeTotal(), rs -> body.rows(rs, query.outputNames(), spec.limit()));
        return body.finish(total, (System.nanoTime() - started) / 1_000_000, nextCursor(spec, tenant, body));
    }

    /** What the audit row says of a query, filled in as far as it got. */
    private static final class Audited {

        QueryExecutor.Snapshot snapshot;

        UUID tenant;

        String dataset;

        Long rows;

    }

    /** For a full page of a row query: the cursor of the page after it. */
    private String nextCursor(QuerySpec spec, UUID tenant, PageBody body) {
        if (spec.isAggregate() || body.rowCount() < spec.limit()) {
            return null;
        }
        List<Object> hidden = body.lastHidden();
        return cursors.next(spec, tenant, hidden.subList(0, spec.sort().size()), hidden.get(hidden.size() - 1));
    }

}
