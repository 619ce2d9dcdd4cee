package io.dataforge.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import io.dataforge.datasets.Dataset;
import io.dataforge.datasets.DatasetCatalog;
import io.dataforge.identity.Caller;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.Replies;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * {@code POST|GET /api/v1/query}: parses, compiles for the caller's tenant and rights, runs, and answers
 * {@code {rows, totalRows, executionMs, etag, nextCursor}} with an ETag over the rows; a matching If-None-Match
 * gets 304. A full page of a row query carries the signed cursor of the next one ({@code page.after}). The same
 * query of the same tenant and rights within 10 minutes is answered from {@link QueryCache}, once the rights are
 * checked again. Every query, answered or refused, leaves a row in the audit log. Roles VIEWER, EXPORTER or ADMIN; an admin names the tenant with {@code tenantId}.
 */
@Component
class RunQueryProcessor implements Processor {

    private final DatasetCatalog datasets;
    private final QueryExecutor executor;
    private final QueryCursors cursors;
    private final ObjectMapper json;
    private final AuditLog auditLog;
    private final QueryCache cache;

    RunQueryProcessor(DatasetCatalog datasets, QueryExecutor executor, QueryCursors cursors, ObjectMapper json,
                      AuditLog auditLog, QueryCache cache) {
        this.datasets = datasets;
        this.executor = executor;
        this.cursors = cursors;
        this.json = json;
        this.auditLog = auditLog;
        this.cache = cache;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Caller caller = Caller.of(exchange);
        long started = System.nanoTime();
        String request = exchange.getMessage().getBody(String.class);
        exchange.getMessage().setBody(request);  // read once: the parser reads it again
        Audited audited = new Audited();
        int status = 500;
        try {
            status = run(exchange, caller, started, audited);
        } catch (ApiException e) {
            status = e.status();
            throw e;
        } finally {
            auditLog.record("query", caller.subject(), audited.tenant, audited.dataset, request == null ? "" : request,
                    audited.rows, status, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private int run(Exchange exchange, Caller caller, long started, Audited audited) throws Exception {
        boolean admin = caller.hasRole("ADMIN");
        if (!admin && !caller.hasRole("VIEWER") && !caller.hasRole("EXPORTER")) {
            throw new ApiException(403, "Querying needs role VIEWER, EXPORTER or ADMIN");
        }
        QuerySpec spec = QueryParser.parse(Replies.jsonObject(exchange));
        audited.dataset = spec.dataset();
        Dataset dataset = datasets.find(spec.dataset()).orElseThrow(() ->
                new ApiException(404, "No dataset '" + Json.excerpt(spec.dataset()) + "'", "UNKNOWN_DATASET", null));
        UUID tenant = tenant(caller, spec, admin);
        audited.tenant = tenant;
        boolean piiShown = admin || caller.hasRole("PII_READER");
        Keyset keyset = spec.after() == null ? null : cursors.read(spec.after(), spec, tenant);
        CompiledQuery query = SqlCompiler.compile(spec, dataset, tenant, piiShown, keyset);
        QueryCache.Key key = new QueryCache.Key(tenant, piiShown, dataset.name(), spec.toString());
        QueryCache.Answer answer = cache.get(key);
        if (answer == null) {
            answer = answer(spec, tenant, executor.run(query, spec.includeTotal()), started);
            cache.put(key, answer);
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

    private QueryCache.Answer answer(QuerySpec spec, UUID tenant, QueryResult result, long started) throws Exception {
        String nextCursor = nextCursor(spec, tenant, result);
        result.rows().forEach(row -> row.keySet().removeIf(name -> name.startsWith(SqlCompiler.HIDDEN)));
        // the rows are serialized once: the etag is taken over that text, which then goes into the body as it is
        String rows = json.writeValueAsString(result.rows());
        String etag = etag(rows + "|" + result.totalRows());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rows", new RawValue(rows));
        body.put("totalRows", result.totalRows());
        body.put("executionMs", (System.nanoTime() - started) / 1_000_000);
        body.put("etag", etag);
        body.put("nextCursor", nextCursor);
        return new QueryCache.Answer(json.writeValueAsString(body), etag, result.rows().size());
    }

    /** What the audit row says of a query, filled in as far as it got. */
    private static final class Audited {
        UUID tenant;
        String dataset;
        Long rows;
    }

    /** For a full page of a row query: the cursor of the page after it. */
    private String nextCursor(QuerySpec spec, UUID tenant, QueryResult result) {
        if (spec.isAggregate() || result.rows().size() < spec.limit()) {
            return null;
        }
        Map<String, Object> last = result.rows().get(result.rows().size() - 1);
        List<Object> sortValues = new ArrayList<>();
        for (int i = 0; i < spec.sort().size(); i++) {
            sortValues.add(last.get(SqlCompiler.HIDDEN + "sort_" + i));
        }
        return cursors.next(spec, tenant, sortValues, last.get(SqlCompiler.ROW_ID));
    }

    private static UUID tenant(Caller caller, QuerySpec spec, boolean admin) {
        if (spec.tenantId() != null && !spec.tenantId().equals(caller.accountId())) {
            if (!admin) {
                throw new ApiException(403, "A query may only read its own tenant's rows", "FORBIDDEN_TENANT", null);
            }
            return spec.tenantId();
        }
        if (caller.accountId() == null) {
            throw new ApiException(400, "The caller has no account: an admin names the tenant with tenantId");
        }
        return caller.accountId();
    }

    /** A strong validator of what the rows and total are: the same result has the same etag. */
    private static String etag(String content) {
        return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(content.getBytes(StandardCharsets.UTF_8))) + '"';
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
