package io.dataforge.errors;

import java.util.Map;

import io.dataforge.platform.web.PageQuery;
import io.dataforge.platform.web.Replies;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The admin error routes: a filtered page, and the same filter as a streamed CSV
 * download.
 */
@Component
class AdminErrorRequests {

    private final ErrorLogRepository errors;

    AdminErrorRequests(ErrorLogRepository errors) {
        this.errors = errors;
    }

    void search(Exchange exchange) {
        ErrorQuery query = ErrorQuery.from(exchange);
        PageQuery page = PageQuery.from(exchange, Map.of("reportedAt", "reported_at"), "reportedAt,desc");
        Replies.json(exchange, 200, page.body(errors.page(query, page), errors.count(query), ErrorLog.Page::new));
    }

    void export(Exchange exchange) throws Exception {
        ErrorCsvStream csv = errors.csv(ErrorQuery.from(exchange));
        exchange.getMessage().setHeader("Content-Disposition", "attachment; filename=\"error-logs.csv\"");
        Replies.stream(exchange, csv, "text/csv; charset=UTF-8");
    }

}
