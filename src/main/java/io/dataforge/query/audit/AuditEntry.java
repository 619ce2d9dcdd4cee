package io.dataforge.query.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One row of the audit log as the admin list shows it: who read (or was refused) which
 * tenant's dataset, the hash of the request, the rows returned, the HTTP status and the
 * time taken.
 */
@Schema(name = "AuditEntry")
record AuditEntry(long id,
        // the text the list has always given: milliseconds and +00:00
        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "yyyy-MM-dd'T'HH:mm:ss.SSSxxx",
                timezone = "UTC") Instant at,
        @Schema(allowableValues = {
                "query", "export" }) String action,
        String principal, @Schema(nullable = true) UUID tenantId, @Schema(nullable = true) String dataset,
        @Schema(description = "SHA-256 of the request, hex") String queryHash, @Schema(nullable = true) Long rowCount,
        int status, long durationMs){

    /** A page of audit rows, newest first. */
    @Schema(name = "AuditPage")
    record Page(List<AuditEntry> content, int page, int size, long totalElements, long totalPages) {
    }

}
