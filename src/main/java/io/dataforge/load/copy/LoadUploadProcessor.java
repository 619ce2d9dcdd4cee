package io.dataforge.load.copy;

import java.util.UUID;

import io.dataforge.datasets.Dataset;
import io.dataforge.datasets.DatasetCatalog;
import io.dataforge.load.LoadMessages;
import io.dataforge.load.LoadQueue;
import io.dataforge.load.Upload;
import io.dataforge.load.UploadRepository;
import io.dataforge.platform.messaging.WorkInFlight;
import io.dataforge.platform.storage.ObjectStore;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The worker step of {@code load.copy}: loads the upload a message names. Finished
 * uploads are skipped (a redelivered or duplicate message); after a completed load the
 * staging object is deleted, after a failed one it is kept for a retry; either way the
 * callback, if any, is queued. Storage and database faults propagate, so the route
 * redelivers and, at the end, the message is dead-lettered and the upload marked failed.
 */
@Component
public class LoadUploadProcessor implements Processor {

    private static final Logger log = LoggerFactory.getLogger(LoadUploadProcessor.class);

    private final UploadRepository uploads;

    private final DatasetCatalog datasets;

    private final CopyLoader loader;

    private final ObjectStore store;

    private final LoadEvents events;

    private final LoadQueue queue;

    private final WorkInFlight inFlight;

    private final LoadMetrics metrics;

    LoadUploadProcessor(UploadRepository uploads, DatasetCatalog datasets, CopyLoader loader, ObjectStore store,
            LoadEvents events, LoadQueue queue, WorkInFlight inFlight, LoadMetrics metrics) {
        this.uploads = uploads;
        this.datasets = datasets;
        this.loader = loader;
        this.store = store;
        this.events = events;
        this.queue = queue;
        this.inFlight = inFlight;
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        UUID id = LoadMessages.uploadId(exchange);
        Upload upload = uploads.find(id).orElse(null);
        if (upload == null || upload.status().isFinal()) {
            log.info("Upload {} is {}: nothing to load", id, upload == null ? "unknown" : upload.status().db());
            return;
        }
        Dataset dataset = datasets.find(upload.dataset()).orElse(null);
        if (dataset == null) {
            uploads.fail(id, "dataset " + upload.dataset() + " no longer exists");
            return;
        }
        log.info("Loading upload {} ({}) into {}, attempt {}", id, upload.fileName(), dataset.name(),
                upload.attempt() + 1);
        LoadResult result;
        try (WorkInFlight.Running running = inFlight.begin(() -> uploads.handBack(id))) {
            result = loader.load(upload, dataset);
        }
        switch (result.outcome()) {
            case COMPLETED -> {
                log.info("Loaded upload {}: {} rows created, {} skipped", id, result.createdRows(),
                        result.counts().badRows());
                deleteStaged(upload);
                events.finished(upload, result);
                metrics.finished(upload, result);
            }
            case FAILED -> {
                log.warn("Load of upload {} failed: {}", id, result.error());
                events.finished(upload, result);
                metrics.finished(upload, result);
            }
            case ALREADY_FINISHED -> log.info("Upload {} was finished by another worker", id);
        }
        if (result.outcome() != LoadResult.Outcome.ALREADY_FINISHED && upload.callbackUrl() != null) {
            queue.publishWebhook(id);
        }
    }

    private void deleteStaged(Upload upload) {
        if (upload.keepStaged()) {
            return; // a batch's file, loaded in place: it stays where the site put it
        }
        try {
            store.delete(upload.stagingKey());
        }
        catch (RuntimeException e) {
            log.warn("Staging object {} of loaded upload {} not deleted: {}", upload.stagingKey(), upload.id(),
                    e.getMessage());
        }
    }

}
