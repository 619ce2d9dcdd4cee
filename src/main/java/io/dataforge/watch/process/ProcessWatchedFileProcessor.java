package io.dataforge.watch.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.dataforge.platform.storage.ObjectStore;
import io.dataforge.watch.RejectedFileException;
import io.dataforge.watch.SourceFile;
import io.dataforge.watch.WatchProperties;
import io.dataforge.watch.progress.FileOutcomes;
import io.dataforge.watch.progress.FileState;
import io.dataforge.watch.progress.WatchMetrics;
import io.dataforge.watch.progress.WatchProgressRepository;
import io.dataforge.watch.progress.WatchState;
import io.dataforge.watch.progress.WatchStatus;
import io.dataforge.watch.scan.CompletionMarkers;
import io.dataforge.watch.scan.WatchScanner;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Processes one queued file (the body is its path relative to the watched folder): claim
 * it in {@code watch_progress}, checksum it, stream its outputs to S3 recording each key
 * as it lands, write the completion marker, then hand the outcome to
 * {@link FileOutcomes}.
 */
@Component
public class ProcessWatchedFileProcessor implements Processor {

    private static final Logger log = LoggerFactory.getLogger(ProcessWatchedFileProcessor.class);

    private static final String WORKER = UUID.randomUUID().toString();

    private final WatchProperties props;

    private final WatchProgressRepository progress;

    private final WatchState state;

    private final FileDelivery delivery;

    private final CompletionMarkers markers;

    private final FileOutcomes outcomes;

    private final ObjectStore store;

    private final WatchMetrics metrics;

    ProcessWatchedFileProcessor(WatchProperties props, WatchProgressRepository progress, WatchState state,
            FileDelivery delivery, CompletionMarkers markers, FileOutcomes outcomes, ObjectStore store,
            WatchMetrics metrics) {
        this.props = props;
        this.progress = progress;
        this.state = state;
        this.delivery = delivery;
        this.markers = markers;
        this.outcomes = outcomes;
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        String path = exchange.getMessage().getBody(String.class);
        try {
            Path file = props.dir().resolve(path);
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            SourceFile claimed = new SourceFile(file, path, attrs.size(), WatchScanner.mtime(attrs), null);
            FileState before = progress.find(path).orElse(null);
            if (progress.claim(path, claimed.size(), claimed.mtime(), WORKER)) {
                log.info("Started {} ({} bytes)", path, claimed.size());
                run(claimed, before);
            }
        }
        catch (NoSuchFileException e) {
            log.info("{} disappeared before it was processed", path);
        }
        catch (IOException e) {
            log.warn("Cannot read {}: {}", path, e.getMessage());
        }
        finally {
            state.done(path);
        }
    }

    private void run(SourceFile claimed, FileState before) {
        List<String> outputs = new ArrayList<>();
        try {
            SourceFile source = new SourceFile(claimed.file(), claimed.path(), claimed.size(), claimed.mtime(),
                    Checksums.sha256(claimed.file()));
            progress.recordChecksum(source.path(), source.sha256());
            if (before != null && before.status() == WatchStatus.COMPLETED
                    && source.sha256().equals(before.checksum())) {
                outputs.addAll(before.keys());
                log.info("{} changed size or mtime but not content; nothing to upload", source.path());
            }
            else {
                delivery.deliver(source, key -> {
                    outputs.add(key);
                    progress.recordKey(source.path(), key);
                    metrics.object();
                    log.info("Uploaded {} -> s3://{}/{}", source.path(), store.bucket(), key);
                });
            }
            markers.write(source, outputs);
            outcomes.completed(source, outputs, before);
        }
        catch (NoSuchFileException e) {
            outcomes.vanished(claimed, outputs);
        }
        catch (Throwable e) {
            // an Error too: it must end in an outcome, never silently end the consumer
            // and leave the file queued
            RejectedFileException rejection = Rejections.of(e);
            if (rejection != null) {
                outcomes.rejected(claimed, outputs, rejection);
            }
            else {
                outcomes.retryLater(claimed, e);
            }
        }
    }

}
