package io.dataforge.platform.camel;

import java.sql.SQLTransientConnectionException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.dataforge.platform.storage.StorageUnavailableException;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.ErrorBody;
import io.dataforge.platform.web.ErrorResponses;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;

/**
 * Turns a failure in a REST route into the standard error body. Client errors say what
 * was wrong; storage or a database that is away or out of connections is a 503 with
 * Retry-After; anything unexpected is a 500 that names no internals and is recorded as a
 * dead letter for admins.
 */
@Component
class WriteErrorBodyProcessor implements Processor {

    private final ErrorResponses errors;

    private final RecordDeadLetterProcessor recordDeadLetter;

    WriteErrorBodyProcessor(ErrorResponses errors, RecordDeadLetterProcessor recordDeadLetter) {
        this.errors = errors;
        this.recordDeadLetter = recordDeadLetter;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String path = exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class);
        String uri = exchange.getMessage().getHeader(Exchange.HTTP_URI, String.class);
        ErrorBody body = toBody(cause, uri != null ? uri : path);
        // 503: a service is busy or away for a moment and the client tries again; nothing
        // to replay
        if (body.status() >= 500 && body.status() != 503) {
            recordDeadLetter.process(exchange);
        }
        exchange.getMessage()
            .setHeaders(Map.of(Exchange.HTTP_RESPONSE_CODE, body.status(), Exchange.CONTENT_TYPE, "application/json"));
        if (body.status() == 503) {
            exchange.getMessage().setHeader("Retry-After", "30");
        }
        if (body.details() != null && body.details().get("retryAfterSeconds") != null) {
            exchange.getMessage().setHeader("Retry-After", body.details().get("retryAfterSeconds").toString());
        }
        exchange.getMessage().setBody(errors.json(body));
    }

    private static ErrorBody toBody(Exception cause, String path) {
        if (cause instanceof ApiException api) {
            return ErrorBody.of(api.status(), api.getMessage(), path, api.code(), api.details());
        }
        if (cause instanceof StorageUnavailableException) {
            return ErrorBody.of(503, "Object storage is unavailable; try again later", path);
        }
        if (cause instanceof CannotGetJdbcConnectionException || cause instanceof SQLTransientConnectionException) {
            return ErrorBody.of(503, "The database is busy or unavailable; try again later", path);
        }
        if (cause instanceof JsonProcessingException) {
            return ErrorBody.of(400, "Malformed JSON body", path);
        }
        return ErrorBody.of(500, "Internal error", path);
    }

}
