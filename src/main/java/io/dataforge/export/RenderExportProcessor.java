package io.dataforge.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.export.render.ExportTooLargeException;
import io.dataforge.export.pack.PackedStream;
import io.dataforge.export.render.RenderOptions;
import io.dataforge.export.render.Renderers;
import io.dataforge.platform.database.AdvisoryLocks;
import io.dataforge.platform.database.Statements;
import io.dataforge.platform.messaging.WorkInFlight;
import io.dataforge.platform.storage.MultipartUploadStream;
import io.dataforge.platform.storage.ObjectStore;
import io.dataforge.platform.web.ApiException;
import io.dataforge.query.AuditLog;
import io.dataforge.query.QueryPlans;
import io.dataforge.query.QueryRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * {@code export.render}: one job message. The job is run by whoever holds its advisory
 * lock, so a repeated message while it runs is dropped, and one redelivered after its
 * worker died starts it again from the first row. The plan is made again from the stored
 * definition; the count and the rows are read in one snapshot, through a cursor, into the
 * renderer, the compressor and a multipart upload under a key of the job's own, so
 * exactly one file results. A bad plan, a file over its cap or a cancel end the job here;
 * anything else (database, network, S3) is thrown for the route's retries, each attempt
 * starting clean.
 */
@Component
class RenderExportProcessor implements Processor {

    /**
     * How long a job's lock may take to go when its holder was killed or is handing the
     * job back: its session ends a moment after the broker has given the message here.
     */
    private static final Duration LOCK_PATIENCE = Duration.ofSeconds(10);

    private final ExportJobRepository jobs;

    private final ExportSlots slots;

    private final ExportQueue queue;

    private final QueryPlans plans;

    private final DataSource dataSource;

    private final ObjectStore store;

    private final ExportProperties props;

    private final ObjectMapper json;

    private final AuditLog audit;

    private final WorkInFlight inFlight;

    private final ExportMetrics metrics;

    RenderExportProcessor(ExportJobRepository jobs, ExportSlots slots, ExportQueue queue, QueryPlans plans,
            DataSource dataSource, ObjectStore store, ExportProperties props, ObjectMapper json, AuditLog audit,
            WorkInFlight inFlight, ExportMetrics metrics) {
        this.jobs = jobs;
        this.slots = slots;
        this.queue = queue;
        this.plans = plans;
        this.dataSource = dataSource;
        this.store = store;
        this.props = props;
        this.json = json;
        this.audit = audit;
        this.inFlight = inFlight;
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        UUID jobId = queue.jobId(exchange.getMessage().getBody(String.class));
        try (WorkInFlight.Running running = inFlight.begin(() -> slots.handBack(jobId))) {
            render(jobId);
        }
    }

    private void render(UUID jobId) throws Exception {
        ExportJob job = jobs.find(jobId).orElse(null);
        if (job == null || job.state().finished()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            // a lock that stays held belongs to a replica rendering the job: this message
            // is
            // a duplicate
            if (!AdvisoryLocks.tryLockForSession(connection, lockKey(job), LOCK_PATIENCE)) {
                return;
            }
            try {
                if (job.state() == ExportState.Running && job.cancelRequested()) {
                    slots.canceled(job);
                }
                else if (slots.claim(job) == ExportSlots.Claim.STARTED) {
                    run(connection, jobs.find(job.id()).orElseThrow());
                }
            }
            finally {
                AdvisoryLocks.unlockSession(connection, lockKey(job));
            }
        }
    }

    private void run(Connection connection, ExportJob job) throws Exception {
        long started = System.nanoTime();
        metrics.started(job);
        QueryPlans.Plan plan;
        try {
            plan = plans.plan(json.readValue(job.queryDefinition(), QueryRequest.class), job.tenantId(), job.piiShown(),
                    props.maxRows());
        }
        catch (ApiException e) {
            end(job, started, 422, 0, () -> slots.failed(job, e.getMessage()));
            return;
        }
        String folder = props.objectPrefix() + job.tenantId() + "/" + job.id() + "/";
        store.abortPendingUploads(folder); // what an attempt before this one left
        connection.setAutoCommit(false);
        try {
            Statements.readOnlySnapshot(connection, 0);
            long matching = Statements.number(connection, plan.countSql(), plan.countParams());
            long total = plan.selected(matching);
            jobs.estimate(job.id(), total);
            // an order without a limit gets the cap as its limit: rather than cut it
            // short, say so
            if (plan.limit() == props.maxRows() && matching - plan.offset() > props.maxRows()) {
                end(job, started, 422, 0, () -> slots.failed(job, "The export selects " + (matching - plan.offset())
                        + " rows, more than the " + props.maxRows() + " an export may hold: narrow its filter"));
                return;
            }
            render(connection, job, plan, folder, started);
        }
        finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    private void render(Connection connection, ExportJob job, QueryPlans.Plan plan, String folder, long started)
            throws Exception {
        String file = plan.dataset() + "." + job.format().extension();
        MultipartUploadStream upload = store.openUpload(folder + file + job.compression().suffix(),
                job.compression().contentType(job.format()), Map.of("export-job", job.id().toString()));
        RenderOptions options = new RenderOptions(props.pdfMaxSize().toBytes(), plan.dataset(),
                RenderOptions.EXCEL_MAX_DATA_ROWS);
        PackedStream out = job.compression().open(upload, file, "export-pack-" + job.id());
        try (PreparedStatement statement = Statements.prepared(connection, plan.sql(), plan.params())) {
            statement.setFetchSize(props.fetchSize());
            try (ResultSet rs = statement.executeQuery()) {
                ResultRows rows = new ResultRows(rs, plan.columns().size(), props.progressEveryRows(), done -> {
                    if (jobs.progress(job.id(), done)) {
                        throw new Canceled();
                    }
                });
                long written = Renderers.of(job.format(), options).render(plan.columns(), rows, out);
                out.close();
                end(job, started, 200, written, () -> slots.succeeded(job, upload.key(), upload.size(), written));
            }
        }
        catch (Canceled e) {
            abort(out, upload);
            end(job, started, 499, 0, () -> slots.canceled(job));
        }
        catch (ExportTooLargeException e) {
            abort(out, upload);
            end(job, started, 422, 0, () -> slots.failed(job, e.getMessage()));
        }
        catch (Exception | Error e) {
            abort(out, upload);
            throw e;
        }
    }

    /** The packer first: it writes into the upload until it has stopped. */
    private static void abort(PackedStream out, MultipartUploadStream upload) {
        out.abort();
        upload.abort();
    }

    private void end(ExportJob job, long started, int status, long rows, Runnable outcome) {
        outcome.run();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        audit.record("export", job.principal(), job.tenantId(), job.dataset(), job.queryDefinition(), rows, status,
                took.toMillis());
        metrics.ended(job, switch (status) {
            case 200 -> "succeeded";
            case 499 -> "canceled";
            default -> "failed";
        }, rows, took);
    }

    private static String lockKey(ExportJob job) {
        return "export-job:" + job.id();
    }

    /** The job was asked to stop. */
    private static final class Canceled extends RuntimeException {

        Canceled() {
            super("canceled", null, false, false);
        }

    }

}
