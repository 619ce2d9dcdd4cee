package io.dataforge.load.copy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.dataforge.datasets.ColumnType;
import io.dataforge.datasets.DatasetColumn;

/**
 * Checks one CSV value against its column's type and gives the typed value COPY receives,
 * or says why it does not fit. Nothing is rounded or truncated: a numeric with more
 * decimals than its scale, an integer out of range, a timestamp with an offset in a
 * timestamp-without-zone column are all refused. An empty value is null, also when
 * quoted, except in text columns where {@code ""} is an empty string.
 * <p>
 * Values are {@link String} (text, jsonb), {@link Long}, {@link BigDecimal},
 * {@link Boolean}, {@link LocalDate}, {@link LocalDateTime}, {@link OffsetDateTime} and
 * {@link UUID}, as {@link CopyRowWriter} encodes them.
 */
public final class ColumnValues {

    /** PostgreSQL's date and timestamp range, in years (4713 BC is year -4712). */
    private static final int FIRST_YEAR = -4712;

    private static final int LAST_TIMESTAMP_YEAR = 294276;

    private static final JsonFactory JSON = new JsonFactory();

    private ColumnValues() {
    }

    /**
     * The value to COPY (null for SQL NULL), or a {@link Misfit} naming why it does not
     * fit.
     */
    static Object convert(DatasetColumn column, String raw) throws Misfit {
        if (raw != null && raw.indexOf(CsvRows.REPLACEMENT) >= 0) {
            throw new Misfit("not valid UTF-8");
        }
        String value = raw == null || column.type() != ColumnType.TEXT ? blankToNull(raw) : raw;
        if (value == null) {
            if (column.required()) {
                throw new Misfit("a value is required");
            }
            return null;
        }
        return switch (column.type()) {
            case TEXT -> text(value);
            case INTEGER -> integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
            case BIGINT -> integer(value, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
            case NUMERIC -> numeric(value, column.precision(), column.scale());
            case BOOLEAN -> bool(value);
            case DATE -> date(value);
            case TIMESTAMP -> timestamp(value);
            case TIMESTAMPTZ -> timestampTz(value);
            case UUID -> uuid(value);
            case JSONB -> json(value);
        };
    }

    private static String blankToNull(String raw) {
        if (raw == null) {
            return null;
        }
        String stripped = raw.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static String text(String value) throws Misfit {
        if (value.indexOf('\0') >= 0) {
            throw new Misfit("text may not contain the NUL character");
        }
        return value;
    }

    private static Long integer(String value, long min, long max, String type) throws Misfit {
        try {
            long number = Long.parseLong(value);
            if (number < min || number > max) {
                throw new Misfit("'" + value + "' is out of range for " + type);
            }
            return number;
        }
        catch (NumberFormatException e) {
            throw new Misfit("'" + excerpt(value) + "' is not a whole number (" + type + ")");
        }
    }

    private static BigDecimal numeric(String value, int precision, int scale) throws Misfit {
        BigDecimal number;
        try {
            number = new BigDecimal(value);
        }
        catch (NumberFormatException e) {
            throw new Misfit("'" + excerpt(value) + "' is not a number");
        }
        BigDecimal exact = number.scale() > scale ? number.stripTrailingZeros() : number;
        if (exact.scale() > scale) {
            throw new Misfit("'" + value + "' has more than " + scale + " decimal places");
        }
        if (exact.precision() - exact.scale() > precision - scale) {
            throw new Misfit("'" + value + "' does not fit numeric(" + precision + "," + scale + ")");
        }
        return exact.scale() < 0 ? exact.setScale(0) : exact;
    }

    private static Boolean bool(String value) throws Misfit {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "1", "on" -> Boolean.TRUE;
            case "false", "f", "no", "n", "0", "off" -> Boolean.FALSE;
            default -> throw new Misfit("'" + excerpt(value) + "' is not a boolean (true/false, yes/no, 1/0)");
        };
    }

    private static LocalDate date(String value) throws Misfit {
        try {
            LocalDate date = Iso.date(value);
            return inRange(date.getYear(), 5874897, date, value, "date");
        }
        catch (DateTimeException e) {
            throw new Misfit("'" + excerpt(value) + "' is not a date (yyyy-MM-dd)");
        }
    }

    private static LocalDateTime timestamp(String value) throws Misfit {
        try {
            LocalDateTime time = Iso.dateTime(value);
            return inRange(time.getYear(), LAST_TIMESTAMP_YEAR, time, value, "timestamp");
        }
        catch (DateTimeException e) {
            throw new Misfit("'" + excerpt(value) + "' is not a timestamp without time zone (yyyy-MM-dd HH:mm:ss)");
        }
    }

    /** With an offset or Z; a value without one is taken as UTC. */
    private static OffsetDateTime timestampTz(String value) throws Misfit {
        try {
            OffsetDateTime time = Iso.offsetDateTime(value);
            return inRange(time.getYear(), LAST_TIMESTAMP_YEAR, time, value, "timestamp");
        }
        catch (DateTimeException e) {
            throw new Misfit(
                    "'" + excerpt(value) + "' is not a timestamp (yyyy-MM-dd HH:mm:ss with an optional offset)");
        }
    }

    private static <T> T inRange(int year, int lastYear, T time, String value, String type) throws Misfit {
        if (year < FIRST_YEAR || year > lastYear) {
            throw new Misfit("'" + excerpt(value) + "' is out of range for " + type);
        }
        return time;
    }

    private static UUID uuid(String value) throws Misfit {
        UUID uuid = Iso.uuid(value);
        if (uuid == null) {
            throw new Misfit("'" + excerpt(value) + "' is not a UUID");
        }
        return uuid;
    }

    private static String json(String value) throws Misfit {
        try (JsonParser parser = JSON.createParser(value)) {
            if (parser.nextToken() == null) {
                throw new Misfit("empty JSON");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new Misfit("more than one JSON value");
            }
            return value;
        }
        catch (IOException e) {
            throw new Misfit("not valid JSON");
        }
    }

    public static String excerpt(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }

    /** A value that does not fit its column. */
    static final class Misfit extends Exception {

        Misfit(String reason) {
            super(reason, null, false, false);
        }

    }

}
