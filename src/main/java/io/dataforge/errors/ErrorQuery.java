package io.dataforge.errors;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.QueryParams;
import org.apache.camel.Exchange;

/**
 * The admin's error filters. The date range is always bounded (default: the last 30 days)
 * so that PostgreSQL reads only the monthly partitions it covers; every value is a bind
 * parameter.
 */
record ErrorQuery(UUID siteId, UUID batchId, String type, OffsetDateTime start, OffsetDateTime end) {

    static final String WHERE = "reported_at >= ? AND reported_at < ? AND (?::uuid IS NULL OR site_id = ?)"
            + " AND (?::uuid IS NULL OR batch_id = ?) AND (?::text IS NULL OR type = ?)";

    static ErrorQuery from(Exchange exchange) {
        OffsetDateTime end = QueryParams.time(exchange, "endDate");
        OffsetDateTime start = QueryParams.time(exchange, "startDate");
        end = end != null ? end : OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1);
        start = start != null ? start : end.minusDays(30);
        if (!start.isBefore(end)) {
            throw new ApiException(400, "startDate must be before endDate");
        }
        String type = exchange.getMessage().getHeader("type", String.class);
        return new ErrorQuery(QueryParams.uuid(exchange, "siteId"), QueryParams.uuid(exchange, "batchId"),
                type == null || type.isBlank() ? null : type, start, end);
    }

    /** The bind values of {@link #WHERE}, in order (nulls allowed). */
    List<Object> args() {
        return Arrays.asList(start, end, siteId, siteId, batchId, batchId, type, type);
    }
}
