package io.dataforge.datasets;

import java.util.Map;

import io.dataforge.identity.AdminAudit;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.Replies;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The steps of the dataset admin routes: read the declaration, apply it, audit, answer.
 */
@Component
class DatasetRequests {

    private final DatasetTables tables;

    private final DatasetCatalog catalog;

    private final AdminAudit audit;

    DatasetRequests(DatasetTables tables, DatasetCatalog catalog, AdminAudit audit) {
        this.tables = tables;
        this.catalog = catalog;
        this.audit = audit;
    }

    void put(Exchange exchange) {
        String name = exchange.getMessage().getHeader("name", String.class);
        Dataset wanted = DatasetDeclarations.fromJson(name, exchange.getMessage().getBody(String.class));
        DatasetTables.Outcome outcome = tables.apply(wanted);
        DatasetCatalog.Entry entry = catalog.entry(name).orElseThrow();
        if (outcome != DatasetTables.Outcome.UNCHANGED) {
            audit.record(exchange, outcome == DatasetTables.Outcome.CREATED ? "dataset.created" : "dataset.evolved",
                    "dataset", name, Map.of("version", entry.version()));
        }
        Replies.json(exchange, outcome == DatasetTables.Outcome.CREATED ? 201 : 200, DatasetView.of(entry));
    }

    void list(Exchange exchange) {
        Replies.json(exchange, 200, catalog.entries().stream().map(DatasetView::of).toList());
    }

    void get(Exchange exchange) {
        String name = exchange.getMessage().getHeader("name", String.class);
        DatasetCatalog.Entry entry = catalog.entry(name)
            .orElseThrow(() -> new ApiException(404, "No dataset " + DeclarationRules.shown(name)));
        Replies.json(exchange, 200, DatasetView.of(entry));
    }

}
