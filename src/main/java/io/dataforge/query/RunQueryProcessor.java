package io.dataforge.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * gets 304. Roles VIEWER, EXPORTER or ADMIN; an admin names the tenant with {@code tenantId}.
 */
@Component
class RunQueryProcessor implements Processor {

    private final DatasetCatalog datasets;
    private final QueryExecutor executor;
    private final ObjectMapper json;

    RunQueryProcessor(DatasetCatalog datasets, QueryExecutor executor, ObjectMapper json) {
        this.datasets = datasets;
        this.executor = executor;
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Caller caller = Caller.of(exchange);
        boolean admin = caller.hasRole("ADMIN");
        if (!admin && !caller.hasRole("VIEWER") && !caller.hasRole("EXPORTER")) {
            throw new ApiException(403, "Querying needs role VIEWER, EXPORTER or ADMIN");
        }
        long started = System.nanoTime();
        QuerySpec spec = QueryParser.parse(Replies.jsonObject(exchange));
        Dataset dataset = datasets.find(spec.dataset()).orElseThrow(() ->
                new ApiException(404, "No dataset '" + Json.excerpt(spec.dataset()) + "'", "UNKNOWN_DATASET", null));
        CompiledQuery query = SqlCompiler.compile(spec, dataset, tenant(caller, spec, admin),
                admin || caller.hasRole("PII_READER"));
        QueryResult result = executor.run(query, spec.includeTotal());
        String etag = etag(result);
        exchange.getMessage().setHeader("ETag", etag);
        if (etag.equals(exchange.getMessage().getHeader("If-None-Match", String.class))) {
            Replies.json(exchange, 304, null);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rows", result.rows());
        body.put("totalRows", result.totalRows());
        body.put("executionMs", (System.nanoTime() - started) / 1_000_000);
        body.put("etag", etag);
        body.put("nextCursor", null);
        Replies.json(exchange, 200, body);
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
    private String etag(QueryResult result) throws Exception {
        byte[] content = json.writeValueAsBytes(Map.of("rows", result.rows(), "total", String.valueOf(result.totalRows())));
        return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(content)) + '"';
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
