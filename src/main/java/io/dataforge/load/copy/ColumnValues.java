package io.dataforge.load.copy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.dataforge.datasets.DatasetColumn;

/**
 * Checks one CSV value against its column's type and gives the text COPY receives, or
 * says why it does not fit. Nothing is rounded or truncated: a numeric with more decimals
 * than its scale, an integer out of range, a timestamp with an offset in a
 * timestamp-without-zone column are all refused. An empty value is null, also when
 * quoted, except in text columns where {@code ""} is an empty string.
 */
public final class ColumnValues {

    private static final Pattern UUID_TEXT = Pattern
        .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final JsonFactory JSON = new JsonFactory();

    private ColumnValues() {
    }

    /**
     * The value to COPY (null for SQL NULL), or a {@link Misfit} naming why it does not
     * fit.
     */
    static String convert(DatasetColumn column, String raw) throws Misfit {
        if (raw != null && raw.indexOf(CsvRows.REPLACEMENT) >= 0) {
            throw new Misfit("not valid UTF-8");
        }
        String value = raw == null || column.type() != io.dataforge.datasets.ColumnType.TEXT ? blankToNull(raw) : raw;
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

    private static String integer(String value, long min, long max, String type) throws Misfit {
        try {
            long number = Long.parseLong(value);
            if (number < min || number > max) {
                throw new Misfit("'" + value + "' is out of range for " + type);
            }
            return Long.toString(number);
        }
        catch (NumberFormatException e) {
            throw new Misfit("'" + excerpt(value) + "' is not a whole number (" + type + ")");
        }
    }

    private static String numeric(String value, int precision, int scale) throws Misfit {
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
        return exact.toPlainString();
    }

    private static String bool(String value) throws Misfit {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "1", "on" -> "t";
            case "false", "f", "no", "n", "0", "off" -> "f";
            default -> throw new Misfit("'" + excerpt(value) + "' is not a boolean (true/false, yes/no, 1/0)");
        };
    }

    private static String date(String value) throws Misfit {
        try {
            return LocalDate.parse(value).toString();
        }
        catch (DateTimeParseException e) {
            throw new Misfit("'" + excerpt(value) + "' is not a date (yyyy-MM-dd)");
        }
    }

    private static String timestamp(String value) throws Misfit {
        try {
            return LocalDateTime.parse(value.replace(' ', 'T')).toString();
        }
        catch (DateTimeParseException e) {
            throw new Misfit("'" + excerpt(value) + "' is not a timestamp without time zone (yyyy-MM-dd HH:mm:ss)");
        }
    }

    /** With an offset or Z; a value without one is taken as UTC. */
    private static String timestampTz(String value) throws Misfit {
        String iso = value.replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).toString();
        }
        catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(iso).toString() + "Z";
            }
            catch (DateTimeParseException again) {
                throw new Misfit(
                        "'" + excerpt(value) + "' is not a timestamp (yyyy-MM-dd HH:mm:ss with an optional offset)");
            }
        }
    }

    private static String uuid(String value) throws Misfit {
        if (!UUID_TEXT.matcher(value).matches()) {
            throw new Misfit("'" + excerpt(value) + "' is not a UUID");
        }
        return value.toLowerCase(Locale.ROOT);
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
