package io.dataforge.query.sql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import io.dataforge.datasets.DatasetColumn;
import io.dataforge.platform.web.ApiException;

/**
 * A filter value typed against its column, as the Java value bound to the statement: a
 * number for numeric columns, a boolean, a date or timestamp from ISO text, a UUID; text
 * columns take strings. A value of the wrong type is a 400 naming the column. like/ilike
 * patterns are text and only apply to text columns.
 */
final class ValueBinding {

    private ValueBinding() {
    }

    static Object bind(DatasetColumn column, Operator op, Object value) {
        if (op.isTextMatch()) {
            if (column.type() != io.dataforge.datasets.ColumnType.TEXT || !(value instanceof String)) {
                throw wrong(column, "like and ilike take a text pattern on a text column");
            }
            return value;
        }
        try {
            return switch (column.type()) {
                case TEXT -> text(column, value);
                case INTEGER, BIGINT -> value instanceof Integer || value instanceof Long ? ((Number) value).longValue()
                        : Long.parseLong(text(column, value));
                case NUMERIC -> value instanceof Number number ? new BigDecimal(number.toString())
                        : new BigDecimal(text(column, value));
                case BOOLEAN -> value instanceof Boolean flag ? flag : bool(column, value);
                case DATE -> LocalDate.parse(text(column, value));
                case TIMESTAMP -> LocalDateTime.parse(text(column, value).replace(' ', 'T'));
                case TIMESTAMPTZ -> OffsetDateTime.parse(text(column, value).replace(' ', 'T'));
                case UUID -> UUID.fromString(text(column, value));
                case JSONB -> throw wrong(column, "jsonb columns can only be tested with isNull / isNotNull");
            };
        }
        catch (IllegalArgumentException | DateTimeParseException e) {
            throw wrong(column, "'" + Json.excerpt(String.valueOf(value)) + "' is not a " + column.typeName());
        }
    }

    private static String text(DatasetColumn column, Object value) {
        if (!(value instanceof String text)) {
            throw wrong(column, "expects a string value");
        }
        return text;
    }

    private static Boolean bool(DatasetColumn column, Object value) {
        String text = text(column, value);
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw wrong(column, "expects true or false");
    }

    private static ApiException wrong(DatasetColumn column, String why) {
        return new ApiException(400, "Filter on " + column.name() + ": " + why, "INVALID_QUERY", null);
    }

}
