package io.dataforge.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Sets a REST route's answer: status and JSON body (ISO dates), {@code null} answering
 * with no body; or a streamed body.
 */
public final class Replies {

    static final ObjectMapper JSON = JsonMapper.builder()
        .findAndAddModules()
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();

    private Replies() {
    }

    /**
     * A 200 whose body is read as it is sent. A download the client breaks off never
     * reaches the end of the stream, so the stream is closed with the exchange too.
     */
    public static void stream(Exchange exchange, InputStream body, String contentType) {
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                try {
                    body.close();
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, contentType);
        exchange.getMessage().setBody(body);
    }

    public static void json(Exchange exchange, int status, Object body) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (body == null) {
            exchange.getMessage().setBody(null);
            return;
        }
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        try {
            exchange.getMessage().setBody(JSON.writeValueAsString(body));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
