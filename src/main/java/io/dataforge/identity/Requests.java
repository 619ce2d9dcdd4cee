package io.dataforge.identity;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.dataforge.platform.web.ApiException;
import org.apache.camel.Exchange;

/** Reading admin requests: JSON bodies as maps, typed fields, path ids. */
final class Requests {

    private Requests() {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    static Map<String, Object> body(Exchange exchange) {
        String text = exchange.getMessage().getBody(String.class);
        if (text == null || text.isBlank()) {
            throw new ApiException(400, "A JSON object body is required");
        }
        try {
            return JSON.readValue(text, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "Malformed JSON body: a JSON object is required");
        }
    }

    /** Sets status and JSON body; {@code null} answers with no body (204). */
    static void reply(Exchange exchange, int status, Object body) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (body == null) {
            exchange.getMessage().setBody(null);
            return;
        }
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        try {
            exchange.getMessage().setBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
        String raw = exchange.getMessage().getHeader(header, String.class);
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(404, "No such resource: " + raw);
        }
    }
}
