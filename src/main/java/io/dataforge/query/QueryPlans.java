package io.dataforge.query;

import java.util.List;
import java.util.UUID;

import io.dataforge.datasets.Dataset;
import io.dataforge.datasets.DatasetCatalog;
import io.dataforge.identity.Caller;
import io.dataforge.platform.web.ApiException;
import io.dataforge.query.sql.CompiledQuery;
import io.dataforge.query.sql.Json;
import io.dataforge.query.sql.QueryParser;
import io.dataforge.query.sql.QuerySpec;
import io.dataforge.query.sql.SqlCompiler;
import org.springframework.stereotype.Component;

/**
 * Queries for other capabilities (exports): the same parser, compiler, tenant predicate
 * and masking as {@code /api/v1/query}, with the limit optional up to a row cap. The plan
 * is checked when a job is ordered and made again, from the stored definition, tenant and
 * rights, when it runs.
 */
@Component
public class QueryPlans {

    /**
     * SQL that selects the rows, of the {@code columns}, and the SQL of the count of all
     * matching rows, of which the page {@code offset}, {@code limit} is selected.
     */
    public record Plan(String dataset, UUID tenant, boolean piiShown, String sql, List<Object> params, String countSql,
            List<Object> countParams, List<String> columns, long offset, int limit) {

        /**
         * How many rows the SQL selects, of {@code matching} rows that the count gives.
         */
        public long selected(long matching) {
            return Math.max(0, Math.min(matching - offset, limit));
        }
    }

    private final DatasetCatalog datasets;

    QueryPlans(DatasetCatalog datasets) {
        this.datasets = datasets;
    }

    /**
     * The caller's plan: its own tenant (an admin may name one with tenantId), pii masked
     * unless it may read it.
     */
    public Plan plan(QueryRequest definition, Caller caller, int maxRows) {
        QuerySpec spec = QueryParser.parseExport(definition, maxRows);
        boolean admin = caller.hasRole("ADMIN");
        return plan(spec, tenant(caller, spec.tenantId(), admin), piiShown(caller));
    }

    /** The plan again, for rights settled when it was first made. */
    public Plan plan(QueryRequest definition, UUID tenant, boolean piiShown, int maxRows) {
        return plan(QueryParser.parseExport(definition, maxRows), tenant, piiShown);
    }

    private Plan plan(QuerySpec spec, UUID tenant, boolean piiShown) {
        CompiledQuery query = SqlCompiler.compileWithoutCursor(spec, dataset(spec.dataset()), tenant, piiShown);
        return new Plan(spec.dataset(), tenant, piiShown, query.sql(), query.params(), query.countSql(),
                query.countParams(), query.outputNames(), spec.offset(), spec.limit());
    }

    private Dataset dataset(String name) {
        return datasets.find(name)
            .orElseThrow(
                    () -> new ApiException(404, "No dataset '" + Json.excerpt(name) + "'", "UNKNOWN_DATASET", null));
    }

    /**
     * Whether the caller reads columns declared pii in clear: an admin or a PII_READER.
     */
    static boolean piiShown(Caller caller) {
        return caller.hasRole("ADMIN") || caller.hasRole("PII_READER");
    }

    /** The tenant a caller reads: its own, or for an admin the one it names. */
    public static UUID tenant(Caller caller, UUID requested) {
        return tenant(caller, requested, caller.hasRole("ADMIN"));
    }

    static UUID tenant(Caller caller, UUID requested, boolean admin) {
        if (requested != null && !requested.equals(caller.accountId())) {
            if (!admin) {
                throw new ApiException(403, "A query may only read its own tenant's rows", "FORBIDDEN_TENANT", null);
            }
            return requested;
        }
        if (caller.accountId() == null) {
            throw new ApiException(400, "The caller has no account: an admin names the tenant with tenantId");
        }
        return caller.accountId();
    }

}
