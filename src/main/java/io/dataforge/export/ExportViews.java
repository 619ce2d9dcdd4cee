package io.dataforge.export;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dataforge.identity.Caller;
import io.dataforge.platform.storage.ObjectStore;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.PageQuery;
import io.dataforge.platform.web.QueryParams;
import io.dataforge.platform.web.Replies;
import io.dataforge.query.QueryPlans;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The job side of the API: order, status, list, download and cancel, always within the
 * caller's tenant (another tenant's job is a 404); an admin reaches every tenant's jobs,
 * and lists one tenant's by naming it. A succeeded job's view carries a presigned
 * download URL valid for {@code downloadTtl}.
 */
@Component
class ExportViews {

    private final ExportOrders orders;

    private final ExportJobRepository jobs;

    private final ObjectStore store;

    private final ExportProperties props;

    ExportViews(ExportOrders orders, ExportJobRepository jobs, ObjectStore store, ExportProperties props) {
        this.orders = orders;
        this.jobs = jobs;
        this.store = store;
        this.props = props;
    }

    void submit(Exchange exchange) {
        ExportOrders.Ordered ordered = orders.order(Caller.of(exchange), Replies.jsonObject(exchange));
        exchange.getMessage().setHeader("Location", "/api/v1/exports/" + ordered.jobId());
        Replies.json(exchange, ordered.created() ? 202 : 200,
                Map.of("jobId", ordered.jobId(), "state", ordered.state()));
    }

    void get(Exchange exchange) {
        Replies.json(exchange, 200, view(owned(exchange)));
    }

    /** The caller's tenant's jobs; an admin names the tenant with {@code tenantId}. */
    void list(Exchange exchange) {
        UUID tenant = QueryPlans.tenant(Caller.of(exchange), QueryParams.uuid(exchange, "tenantId"));
        ExportState state = QueryParams.choice(exchange, "state", ExportState.class);
        PageQuery page = PageQuery.from(exchange, Map.of("createdAt", "created_at"), "createdAt,desc");
        List<Map<String, Object>> content = jobs.list(tenant, state, page).stream().map(this::view).toList();
        Replies.json(exchange, 200, page.body(content, jobs.count(tenant, state)));
    }

    void download(Exchange exchange) {
        ExportJob job = owned(exchange);
        if (job.state() != ExportState.Succeeded || job.expired()) {
            throw new ApiException(409,
                    job.expired() ? "The export's file was deleted after its retention"
                            : "The export is " + job.state() + ": there is nothing to download yet",
                    "EXPORT_NOT_READY", null);
        }
        exchange.getMessage().setHeader("Location", store.presignGet(job.objectKey(), props.downloadTtl()).toString());
        Replies.json(exchange, 302, null);
    }

    void cancel(Exchange exchange) {
        ExportJob job = owned(exchange);
        if (!jobs.cancel(job.id())) {
            throw new ApiException(409, "The export already ended: " + job.state(), "EXPORT_FINISHED", null);
        }
        Replies.json(exchange, 202, view(jobs.find(job.id()).orElseThrow()));
    }

    private Map<String, Object> view(ExportJob job) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("jobId", job.id());
        view.put("state", job.state());
        view.put("progress", job.progress());
        view.put("rowsProcessed", job.rowsProcessed());
        view.put("estimatedRows", job.estimatedRows());
        view.put("tenantId", job.tenantId());
        view.put("dataset", job.dataset());
        view.put("format", job.format().extension());
        view.put("compression", job.compression().name().toLowerCase());
        boolean downloadable = job.state() == ExportState.Succeeded && !job.expired();
        view.put("downloadUrl",
                downloadable ? store.presignGet(job.objectKey(), props.downloadTtl()).toString() : null);
        view.put("expiresAt", downloadable ? Instant.now().plus(props.downloadTtl()) : null);
        view.put("sizeBytes", job.sizeBytes());
        view.put("fileDeletedAfter", job.expiresAt());
        view.put("expired", job.expired());
        view.put("cancelRequested", job.cancelRequested());
        view.put("error", job.error());
        view.put("createdAt", job.createdAt());
        view.put("startedAt", job.startedAt());
        view.put("finishedAt", job.finishedAt());
        return view;
    }

    /**
     * The job named in the path, if the caller's tenant ordered it; an admin sees every
     * job.
     */
    private ExportJob owned(Exchange exchange) {
        Caller caller = Caller.of(exchange);
        return jobs.find(QueryParams.pathId(exchange, "jobId"))
            .filter(job -> caller.hasRole("ADMIN") || job.tenantId().equals(caller.accountId()))
            .orElseThrow(() -> new ApiException(404, "No such export"));
    }

}
