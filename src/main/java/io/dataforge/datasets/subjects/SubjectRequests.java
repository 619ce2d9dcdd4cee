package io.dataforge.datasets.subjects;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dataforge.identity.Accounts;
import io.dataforge.identity.AdminAudit;
import io.dataforge.identity.Caller;
import io.dataforge.platform.text.Sha256;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.JsonBodies;
import io.dataforge.platform.web.Replies;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps of the data subject routes: check the request and the tenant, export or
 * erase, audit (the value only as its SHA-256: it is personal data), answer.
 */
@Component
class SubjectRequests {

    static final String PII_READER = "PII_READER";

    private final SubjectRows rows;

    private final Accounts accounts;

    private final AdminAudit audit;

    private final TransactionTemplate tx;

    SubjectRequests(SubjectRows rows, Accounts accounts, AdminAudit audit, TransactionTemplate tx) {
        this.rows = rows;
        this.accounts = accounts;
        this.audit = audit;
        this.tx = tx;
    }

    /**
     * Audited before the first byte leaves: the counts are those of the snapshot the
     * stream reads.
     */
    void export(Exchange exchange) throws Exception {
        SubjectRequest request = JsonBodies.read(exchange, SubjectRequest.class);
        UUID tenant = tenant(request.tenantId());
        boolean piiReader = Caller.of(exchange).hasRole(PII_READER);
        SubjectExportStream export = rows.export(tenant, request.value(), piiReader);
        try {
            audit.record(exchange, "subject.export", "account", tenant,
                    details(request.value(), export.counts(), Map.of("piiInClear", piiReader)));
        }
        catch (RuntimeException e) {
            export.close();
            throw e;
        }
        Replies.stream(exchange, export, "application/json");
    }

    /** The rows and the audit row in one transaction: an erasure is never unrecorded. */
    void erase(Exchange exchange) {
        ErasureRequest request = JsonBodies.read(exchange, ErasureRequest.class);
        UUID tenant = tenant(request.tenantId());
        List<ErasureReport.Erased> erased = tx.execute(status -> {
            List<ErasureReport.Erased> done = rows.erase(tenant, request.value(), request.counting());
            Map<String, Long> counts = new LinkedHashMap<>();
            done.forEach(dataset -> counts.put(dataset.dataset(), dataset.rows()));
            audit.record(exchange, "subject.erase", "account", tenant,
                    details(request.value(), counts, Map.of("dryRun", request.counting())));
            return done;
        });
        Replies.json(exchange, 200,
                new ErasureReport(tenant.toString(), request.counting(), erased, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    private UUID tenant(String tenantId) {
        UUID tenant;
        try {
            tenant = UUID.fromString(tenantId.strip());
        }
        catch (IllegalArgumentException e) {
            tenant = null;
        }
        // fromString also takes short forms such as 1-2-3-4-5
        if (tenant == null || !tenant.toString().equalsIgnoreCase(tenantId.strip())) {
            throw new ApiException(400, "tenantId must be a UUID", "VALIDATION_FAILED", Map.of("tenantId", "uuid"));
        }
        if (!accounts.exists(tenant)) {
            throw new ApiException(404, "No account " + tenant);
        }
        return tenant;
    }

    private static Map<String, Object> details(String value, Map<String, Long> counts, Map<String, Object> more) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("subjectSha256", Sha256.hex(value));
        details.put("rows", counts);
        details.putAll(more);
        return details;
    }

}
