package io.dataforge.platform.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.apache.camel.Exchange;

/**
 * A JSON request body bound to its record and checked with Bean Validation. Anything
 * wrong answers 400 with the standard body naming the field and the rule
 * ({@code details}: field → rule), never a stack trace.
 */
public final class JsonBodies {

    // a number or a boolean is not text ("type": 7 is refused, not read as "7"), and
    // neither text nor a number is a boolean ("isActive": "false" or 1 is refused)
    private static final ObjectMapper JSON = JsonMapper.builder()
        .findAndAddModules()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    static {
        for (CoercionInputShape shape : Set.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            JSON.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (CoercionInputShape shape : Set.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.String)) {
            JSON.coercionConfigFor(LogicalType.Boolean).setCoercion(shape, CoercionAction.Fail);
        }
    }

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    private JsonBodies() {
    }

    public static <T> T read(Exchange exchange, Class<T> type) {
        String text = exchange.getMessage().getBody(String.class);
        if (text == null || text.isBlank()) {
            throw new ApiException(400, "A JSON object body is required");
        }
        T body;
        try {
            body = JSON.readValue(text, type);
        }
        catch (MismatchedInputException e) {
            String field = field(e);
            throw new ApiException(400,
                    field.isEmpty() ? "The body must be a JSON object" : field + " has the wrong type",
                    "VALIDATION_FAILED", field.isEmpty() ? null : Map.of(field, "type"));
        }
        catch (Exception e) {
            throw new ApiException(400, "Malformed JSON body: a JSON object is required");
        }
        if (body == null) {
            throw new ApiException(400, "A JSON object body is required");
        }
        Validator validator = VALIDATION.getValidator();
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            Map<String, Object> rules = violations.stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .collect(Collectors.toMap(v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage,
                        (a, b) -> a + "; " + b, LinkedHashMap::new));
            String message = rules.entrySet()
                .stream()
                .map(rule -> rule.getKey() + " " + rule.getValue())
                .collect(Collectors.joining(", "));
            throw new ApiException(400, message, "VALIDATION_FAILED", rules);
        }
        return body;
    }

    private static String field(JsonMappingException e) {
        return e.getPath()
            .stream()
            .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                    : "[" + reference.getIndex() + "]")
            .collect(Collectors.joining("."));
    }

}
