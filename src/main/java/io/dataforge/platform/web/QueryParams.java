package io.dataforge.platform.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

import org.apache.camel.Exchange;

/**
 * Typed query parameters: a malformed value is a 400 that names the parameter, never a
 * 500.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static UUID uuid(Exchange exchange, String name) {
        String raw = exchange.getMessage().getHeader(name, String.class);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        }
        catch (IllegalArgumentException e) {
            throw new ApiException(400, name + " must be a UUID");
        }
    }

    /** An id in the path: anything that is not a UUID names nothing, so 404. */
    public static UUID pathId(Exchange exchange, String name) {
        String raw = exchange.getMessage().getHeader(name, String.class);
        try {
            return UUID.fromString(raw);
        }
        catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(404, "No such resource: " + raw);
        }
    }

    /**
     * An ISO instant ({@code 2026-11-01T00:00:00Z}) or a date ({@code 2026-11-01},
     * midnight UTC).
     */
    public static OffsetDateTime time(Exchange exchange, String name) {
        String raw = exchange.getMessage().getHeader(name, String.class);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return raw.length() == 10 ? LocalDate.parse(raw).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(raw.strip());
        }
        catch (DateTimeParseException e) {
            throw new ApiException(400, name + " must be an ISO date (2026-11-01) or date-time (2026-11-01T00:00:00Z)");
        }
    }

    public static <E extends Enum<E>> E choice(Exchange exchange, String name, Class<E> type) {
        String raw = exchange.getMessage().getHeader(name, String.class);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        // any case: BatchStatus is UPPER_CASE, ExportState Pascal-case
        return Arrays.stream(type.getEnumConstants())
            .filter(value -> value.name().equalsIgnoreCase(raw.strip()))
            .findFirst()
            .orElseThrow(
                    () -> new ApiException(400, name + " must be one of " + Arrays.toString(type.getEnumConstants())));
    }

}
