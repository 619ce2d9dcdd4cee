package io.dataforge.query.sql;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dataforge.platform.web.ApiException;

/**
 * Shape checks on the generic JSON (maps, lists, scalars) a query arrives as; each
 * failure is a 400.
 */
public final class Json {

    private Json() {
    }

    static void onlyKeys(Map<String, Object> object, String where, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                throw new ApiException(400, "unknown key '" + excerpt(key) + "' in " + where.strip());
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value, String what) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new ApiException(400, what + " must be a JSON object");
        }
        return (Map<String, Object>) map;
    }

    static List<?> list(Object value, String what, int max) {
        if (!(value instanceof List<?> list)) {
            throw new ApiException(400, what + " must be a JSON array");
        }
        if (list.size() > max) {
            throw new ApiException(400, what + " may hold at most " + max + " items");
        }
        return list;
    }

    static String string(Object value, String what) {
        if (!(value instanceof String text) || text.isBlank()) {
            throw new ApiException(400, what + " must be a non-empty string");
        }
        return text;
    }

    static long whole(Object value, String what) {
        if (!(value instanceof Integer) && !(value instanceof Long)) {
            throw new ApiException(400, what + " must be a whole number");
        }
        return ((Number) value).longValue();
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
