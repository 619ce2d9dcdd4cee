package io.dataforge.datasets;

import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.dataforge.platform.web.ApiException;

/**
 * Typed fields of a declaration tree; a wrong or unknown field is a 400 naming where it
 * is.
 */
final class DeclarationFields {

    private DeclarationFields() {
    }

    /** Refuses unknown fields, so a misspelt "requried" is not silently ignored. */
    static void only(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String field = names.next();
            if (!allowed.contains(field)) {
                throw bad("Unknown field " + DeclarationRules.shown(where + field) + "; allowed: "
                        + allowed.stream().sorted().toList());
            }
        }
    }

    static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw bad(where + field + " is required and must be a string");
        }
        return value.asText();
    }

    /** Absent or null is null; otherwise a non-blank string. */
    static String optionalText(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw bad(where + field + " must be a non-empty string when given");
        }
        return value.asText();
    }

    /** Absent or null is false. */
    static boolean flag(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value != null && !value.isNull() && !value.isBoolean()) {
            throw bad(where + field + " must be true or false");
        }
        return value != null && value.asBoolean();
    }

    static ApiException bad(String message) {
        return new ApiException(400, message);
    }

}
