package io.dataforge.query.sql;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dataforge.platform.web.ApiException;

/**
 * Shape checks on a query's parts: the keys each was given, its lists and the JSON values
 * of its conditions; each failure is a 400.
 */
public final class Json {

    private Json() {
    }

    /** Refuses the first key a part of the query was given that it does not have. */
    static void noUnknownKeys(Map<String, Object> unknown, String where) {
        if (unknown != null && !unknown.isEmpty()) {
            throw unknownKey(unknown.keySet().iterator().next(), where);
        }
    }

    /** Refuses the first of {@code keys} that is not one of {@code allowed}. */
    static void onlyKeys(List<String> keys, String where, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (String key : keys) {
            if (!known.contains(key)) {
                throw unknownKey(key, where);
            }
        }
    }

    private static ApiException unknownKey(String key, String where) {
        return new ApiException(400, "unknown key '" + excerpt(key) + "' in " + where.strip());
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    static <T> List<T> list(List<T> list, String what, int max) {
        if (list.size() > max) {
            throw new ApiException(400, what + " may hold at most " + max + " items");
        }
        return list;
    }

    /** A condition's list of values, as JSON gave it. */
    static List<?> list(Object value, String what, int max) {
        if (!(value instanceof List<?> list)) {
            throw new ApiException(400, what + " must be a JSON array");
        }
        return list(list, what, max);
    }

    static String string(Object value, String what) {
        if (!(value instanceof String text) || text.isBlank()) {
            throw new ApiException(400, what + " must be a non-empty string");
        }
        return text;
    }

    /** A filter value: a string, number or boolean (null only through isNull). */
    static Object scalar(Object value, String column) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        throw new ApiException(400, "the value for " + column + " must be a string, number or boolean");
    }

    public static String excerpt(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

}
