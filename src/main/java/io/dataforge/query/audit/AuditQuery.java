package io.dataforge.query.audit;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.dataforge.platform.web.ApiException;
import org.apache.camel.Exchange;

/**
 * The audit list's filters; each one left out matches every row. Every value is a bind
 * parameter.
 */
record AuditQuery(UUID tenantId, String dataset, String principal, String action, OffsetDateTime from,
        OffsetDateTime to) {

    static final String WHERE = "(?::uuid IS NULL OR tenant_id = ?) AND (?::text IS NULL OR dataset = ?)"
            + " AND (?::text IS NULL OR principal = ?) AND (?::text IS NULL OR action = ?)"
            + " AND (?::timestamptz IS NULL OR at >= ?) AND (?::timestamptz IS NULL OR at < ?)";

    static AuditQuery from(Exchange exchange) {
        String tenant = param(exchange, "tenantId");
        return new AuditQuery(tenant == null ? null : uuid(tenant), param(exchange, "dataset"),
                param(exchange, "principal"), param(exchange, "action"), time(exchange, "from"), time(exchange, "to"));
    }

    /** The bind values of {@link #WHERE}, in order (nulls allowed). */
    List<Object> args() {
        return Arrays.asList(tenantId, tenantId, dataset, dataset, principal, principal, action, action, from, from, to,
                to);
    }

    private static String param(Exchange exchange, String name) {
        String value = exchange.getMessage().getHeader(name, String.class);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        }
        catch (IllegalArgumentException e) {
            throw new ApiException(400, "tenantId must be a UUID");
        }
    }

    private static OffsetDateTime time(Exchange exchange, String name) {
        String value = param(exchange, name);
        try {
            return value == null ? null : OffsetDateTime.parse(value);
        }
        catch (DateTimeParseException e) {
            throw new ApiException(400, name + " must be an ISO date-time with an offset (2026-11-23T00:00:00Z)");
        }
    }
}
