package io.dataforge.platform.camel;

import java.util.List;

import io.dataforge.platform.web.ApiException;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

@Component
class ListDeadLettersProcessor {

    static final int MAX_PAGE_SIZE = 500;

    private final DeadLetterRepository repository;

    ListDeadLettersProcessor(DeadLetterRepository repository) {
        this.repository = repository;
    }

    record Page(List<DeadLetter> items, int page, int size, long total) {
    }

    void page(Exchange exchange) {
        String route = exchange.getMessage().getHeader("route", String.class);
        int page = intParam(exchange, "page", 0, 0, Integer.MAX_VALUE);
        int size = intParam(exchange, "size", 50, 1, MAX_PAGE_SIZE);
        exchange.getMessage().setBody(new Page(repository.page(route, size, (long) page * size), page, size,
                repository.count(route)));
    }

    void one(Exchange exchange) {
        long id = DeadLetterIds.parse(exchange);
        exchange.getMessage().setBody(repository.find(id)
                .orElseThrow(() -> new ApiException(404, "No dead letter " + id)));
    }

    private static int intParam(Exchange exchange, String name, int fallback, int min, int max) {
        String raw = exchange.getMessage().getHeader(name, String.class);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value < min || value > max) {
                throw new ApiException(400, name + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ApiException(400, name + " must be a whole number");
        }
    }
}
