package io.dataforge.identity.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.dataforge.platform.web.QueryParams;
import io.dataforge.platform.web.Replies;
import org.apache.camel.Exchange;

/** Reading admin requests and answering them: path ids, stripped text, JSON answers. */
final class Requests {

    private Requests() {
    }

    static void reply(Exchange exchange, int status, Object body) {
        Replies.json(exchange, status, body);
    }

    static UUID id(Exchange exchange, String header) {
        return QueryParams.pathId(exchange, header);
    }

    /** Text without surrounding whitespace; {@code null} stays {@code null}. */
    static String strip(String text) {
        return text == null ? null : text.strip();
    }

    /** What an update changes, for the audit: the fields it gives. */
    static Map<String, Object> changes(String nameField, String name, Boolean active) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (name != null) {
            changes.put(nameField, name);
        }
        if (active != null) {
            changes.put("isActive", active);
        }
        return changes;
    }

}
