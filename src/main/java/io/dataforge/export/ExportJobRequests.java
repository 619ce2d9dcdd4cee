package io.dataforge.export;

import java.time.Instant;
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
class ExportJobRequests {

    private final ExportOrders orders;

    private final ExportJobRepository jobs;

    private final ObjectStore store;

    private final ExportProperties props;

    ExportJobRequests(ExportOrders orders, ExportJobRepository jobs, ObjectStore store, ExportProperties props) {
        this.orders = orders;
        this.jobs = jobs;
        this.store = store;
        this.props = props;
    }

    void submit(Exchange exchange) {
        ExportOrders.Ordered ordered = orders.order(Caller.of(exchange), exchange);
        exchange.getMessage().setHeader("Location", "/api/v1/exports/" + ordered.jobId());
        Replies.json(exchange, ordered.created() ? 202 : 200, new ExportAccepted(ordered.jobId(), ordered.state()));
    }

    void get(Exchange exchange) {
        Replies.json(exchange, 200, view(owned(exchange)));
    }

    /** The caller's tenant's jobs; an admin names the tenant with {@code tenantId}. */
    void list(Exchange exchange) {
        UUID tenant = QueryPlans.tenant(Caller.of(exchange), QueryParams.uuid(exchange, "tenantId"));
        ExportState state = QueryParams.choice(exchange, "state", ExportState.class);
        PageQuery page = PageQuery.from(exchange, Map.of("createdAt", "created_at"), "createdAt,desc");
        List<ExportJobView> content = jobs.list(tenant, state, page).stream().map(this::view).toList();
        Replies.json(exchange, 200, page.body(content, jobs.count(tenant, state), ExportJobView.Page::new));
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

    private ExportJobView view(ExportJob job) {
        boolean downloadable = job.state() == ExportState.Succeeded && !job.expired();
        return new ExportJobView(job.id(), job.state(), job.progress(), job.rowsProcessed(), job.estimatedRows(),
                job.tenantId(), job.dataset(), job.format().extension(), job.compression().name().toLowerCase(),
                downloadable ? store.presignGet(job.objectKey(), props.downloadTtl()).toString() : null,
                downloadable ? Instant.now().plus(props.downloadTtl()) : null, job.sizeBytes(), job.expiresAt(),
                job.expired(), job.cancelRequested(), job.error(), job.createdAt(), job.startedAt(), job.finishedAt());
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
