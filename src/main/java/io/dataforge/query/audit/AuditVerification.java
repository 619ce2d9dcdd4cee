package io.dataforge.query.audit;

import java.time.Instant;
import java.util.List;

import io.dataforge.platform.database.HashChain;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code GET /admin/audit/verify}: each audit table's hash chain as checked now
 * ({@code admin_audit}, then {@code audit_log}), with its first broken link if any.
 */
@Schema(name = "AuditVerification")
record AuditVerification(@Schema(description = "admin_audit, then audit_log") List<HashChain.Verdict> chains,
        @Schema(description = "true when every chain is intact") boolean intact, Instant verifiedAt) {

    static AuditVerification of(List<HashChain.Verdict> chains) {
        return new AuditVerification(chains, chains.stream().allMatch(HashChain.Verdict::intact), Instant.now());
    }

}
