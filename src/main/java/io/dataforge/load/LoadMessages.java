package io.dataforge.load;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;

/** The load message body: {@code {"uploadId": "<uuid>"}}. */
public final class LoadMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadMessages() {
    }

    static String body(UUID uploadId) {
        return JSON.createObjectNode().put("uploadId", uploadId.toString()).toString();
    }

    /**
     * The upload a message names; an unreadable message is refused (and ends in the
     * dead-letter queue).
     */
    public static UUID uploadId(Exchange exchange) {
        String body = exchange.getMessage().getBody(String.class);
        try {
            return UUID.fromString(JSON.readTree(body == null ? "" : body).path("uploadId").asText());
        }
        catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a load message: " + body, e);
        }
    }

}
