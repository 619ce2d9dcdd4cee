package io.dataforge.platform.camel;

import java.util.Map;

import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.PageQuery;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

@Component
class ListDeadLettersProcessor {

    private final DeadLetterRepository repository;

    ListDeadLettersProcessor(DeadLetterRepository repository) {
        this.repository = repository;
    }

    /** Newest first; {@code ?route=} narrows to one route. */
    void page(Exchange exchange) {
        String route = exchange.getMessage().getHeader("route", String.class);
        PageQuery page = PageQuery.from(exchange, Map.of("id", "id"), "id,desc");
        exchange.getMessage()
            .setBody(page.body(repository.page(route, page.size(), page.offset()), repository.count(route),
                    DeadLetter.Page::new));
    }

    void one(Exchange exchange) {
        long id = DeadLetterIds.parse(exchange);
        exchange.getMessage()
            .setBody(repository.find(id).orElseThrow(() -> new ApiException(404, "No dead letter " + id)));
    }

}
