package io.dataforge.identity.tokens;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;

/** A name and secret from HTTP Basic, or from an OAuth form body; never logged. */
public record Credentials(String name, String secret) {

    static Optional<Credentials> basic(Exchange exchange) {
        return basic(exchange.getMessage().getHeader("Authorization", String.class));
    }

    /** From an {@code Authorization: Basic ...} header value. */
    public static Optional<Credentials> basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The form fields of an {@code application/x-www-form-urlencoded} body, however Camel
     * handed it over.
     */
    @SuppressWarnings("unchecked")
    static Map<String, String> form(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        Map<String, String> fields = new HashMap<>();
        if (body instanceof Map<?, ?> map) {
            map.forEach((k, v) -> fields.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
            return fields;
        }
        String text = exchange.getMessage().getBody(String.class);
        if (text == null || text.isBlank()) {
            return fields;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(key, value);
        }
        return fields;
    }
}
