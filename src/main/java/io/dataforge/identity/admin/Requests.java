package io.dataforge.identity.admin;

import java.util.Map;
import java.util.UUID;

import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.QueryParams;
import io.dataforge.platform.web.Replies;
import org.apache.camel.Exchange;

/** Reading admin requests: JSON bodies as maps, typed fields, path ids. */
final class Requests {

    private Requests() {
    }

    static Map<String, Object> body(Exchange exchange) {
        return Replies.jsonObject(exchange);
    }

    static void reply(Exchange exchange, int status, Object body) {
        Replies.json(exchange, status, body);
    }

    static String text(Map<String, Object> body, String field, int maxLength, boolean required) {
        Object value = body.get(field);
        if (value == null && !required) {
            return null;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new ApiException(400, field + " is required and must be a non-empty string");
        }
        if (text.length() > maxLength) {
            throw new ApiException(400, field + " must be at most " + maxLength + " characters");
        }
        return text.strip();
    }

    static Boolean flag(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value != null && !(value instanceof Boolean)) {
            throw new ApiException(400, field + " must be true or false");
        }
        return (Boolean) value;
    }

    static UUID id(Exchange exchange, String header) {
        return QueryParams.pathId(exchange, header);
    }

}
