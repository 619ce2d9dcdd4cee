package io.dataforge.platform.camel;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.platform.web.ApiException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends a recorded body and headers to the endpoint the failed exchange came from (a
 * worker queue, a direct route...). Only exchanges whose whole body was recorded can be
 * replayed.
 */
@Component
class ReplayDeadLetterProcessor implements Processor {

    private final DeadLetterRepository repository;

    private final ProducerTemplate producer;

    private final ObjectMapper mapper;

    ReplayDeadLetterProcessor(DeadLetterRepository repository, ProducerTemplate producer, ObjectMapper mapper) {
        this.repository = repository;
        this.producer = producer;
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        long id = DeadLetterIds.parse(exchange);
        DeadLetter letter = repository.find(id).orElseThrow(() -> new ApiException(404, "No dead letter " + id));
        if (letter.bodyTruncated()) {
            throw new ApiException(409,
                    "Dead letter " + id + " has no complete body to replay; replay it from its source");
        }
        Map<String, Object> headers = new HashMap<>(
                mapper.readValue(letter.headers(), new TypeReference<Map<String, Object>>() {
                }));
        headers.keySet().removeIf(name -> name.startsWith("Camel"));
        producer.sendBodyAndHeaders(letter.endpointUri(), repository.body(id).orElse(null), headers);
        repository.markReplayed(id);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        exchange.getMessage().setBody(repository.find(id).orElseThrow());
    }

}
