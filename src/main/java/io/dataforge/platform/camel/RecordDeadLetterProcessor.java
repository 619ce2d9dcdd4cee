package io.dataforge.platform.camel;

import java.io.InputStream;
import java.io.Reader;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.StreamCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the failed exchange to {@code dead_letters}: where it came from, why it failed,
 * its simple headers and its body when that is already in memory (a stream is never read
 * here: it may be huge, and it is the source that can replay it).
 */
@Component
class RecordDeadLetterProcessor implements Processor {

    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(RecordDeadLetterProcessor.class);

    private final DeadLetterRepository repository;

    private final ObjectMapper mapper;

    RecordDeadLetterProcessor(DeadLetterRepository repository, ObjectMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String routeId = exchange.getFromRouteId() != null ? exchange.getFromRouteId() : "unknown";
        String endpoint = exchange.getFromEndpoint() != null ? exchange.getFromEndpoint().getEndpointUri() : "unknown";
        byte[] body = bodyBytes(exchange);
        boolean truncated = body != null && body.length > MAX_BODY_BYTES || body == null && hasBody(exchange);
        if (body != null && body.length > MAX_BODY_BYTES) {
            body = Arrays.copyOf(body, MAX_BODY_BYTES);
        }
        long id = repository.insert(routeId, endpoint, exchange.getExchangeId(),
                cause != null ? cause.getClass().getName() : "unknown", cause != null ? cause.getMessage() : null,
                mapper.writeValueAsString(simpleHeaders(exchange)), body, truncated);
        log.error("Dead letter {} from route {}: {}", id, routeId, cause != null ? cause.toString() : "unknown", cause);
    }

    private static boolean hasBody(Exchange exchange) {
        return exchange.getMessage().getBody() != null;
    }

    private static byte[] bodyBytes(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body == null || body instanceof InputStream || body instanceof Reader || body instanceof StreamCache) {
            return null;
        }
        return exchange.getContext().getTypeConverter().tryConvertTo(byte[].class, exchange, body);
    }

    private static Map<String, Object> simpleHeaders(Exchange exchange) {
        Map<String, Object> headers = new TreeMap<>();
        exchange.getMessage().getHeaders().forEach((name, value) -> {
            // credentials (an AMQP export order's bearer token or client secret) are
            // never stored
            boolean credentials = name.equalsIgnoreCase("Authorization");
            if (!credentials && (value instanceof String || value instanceof Number || value instanceof Boolean)) {
                headers.put(name, value);
            }
        });
        return headers;
    }

}
