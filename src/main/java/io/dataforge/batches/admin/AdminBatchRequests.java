package io.dataforge.batches.admin;

import java.util.Map;
import java.util.UUID;

import io.dataforge.batches.BatchStatus;
import io.dataforge.identity.AdminAudit;
import io.dataforge.platform.storage.ObjectStore;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.PageQuery;
import io.dataforge.platform.web.QueryParams;
import io.dataforge.platform.web.Replies;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** The steps of the admin batch routes. */
@Component
class AdminBatchRequests {

    private final AdminBatchRepository batches;

    private final ObjectStore store;

    private final AdminAudit audit;

    AdminBatchRequests(AdminBatchRepository batches, ObjectStore store, AdminAudit audit) {
        this.batches = batches;
        this.store = store;
        this.audit = audit;
    }

    void list(Exchange exchange) {
        var filter = new AdminBatchRepository.Filter(QueryParams.uuid(exchange, "siteId"),
                QueryParams.uuid(exchange, "accountId"), QueryParams.choice(exchange, "status", BatchStatus.class),
                QueryParams.time(exchange, "from"), QueryParams.time(exchange, "to"));
        PageQuery page = PageQuery.from(exchange, AdminBatchRepository.SORTABLE, "startedAt,desc");
        Replies.json(exchange, 200, page.body(batches.page(filter, page), batches.count(filter), BatchView.Page::new));
    }

    void get(Exchange exchange) {
        UUID id = id(exchange);
        BatchView batch = batches.find(id).orElseThrow(() -> notFound(id));
        Replies.json(exchange, 200, batch.with("s3://" + store.bucket() + "/" + batch.s3Prefix(), batches.files(id)));
    }

    void delete(Exchange exchange) {
        UUID id = id(exchange);
        if (!batches.delete(id)) {
            throw notFound(id);
        }
        audit.record(exchange, "batch.deleted", "batch", id, Map.of());
        Replies.json(exchange, 204, null);
    }

    private static UUID id(Exchange exchange) {
        return QueryParams.pathId(exchange, "id");
    }

    private static ApiException notFound(UUID id) {
        return new ApiException(404, "No batch " + id);
    }

}
