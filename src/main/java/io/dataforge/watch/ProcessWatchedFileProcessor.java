package io.dataforge.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.dataforge.platform.storage.ObjectStore;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Processes one queued file (the body is its path relative to the watched folder): claim it in
 * {@code watch_progress}, checksum it, stream its outputs to S3 recording each key as it lands, write the
 * completion marker, mark it completed. A file that can never go through is moved to the error folder; a
 * storage or database fault leaves it in place for a later attempt with exponential backoff.
 */
@Component
class ProcessWatchedFileProcessor implements Processor {

    private static final Logger log = LoggerFactory.getLogger(ProcessWatchedFileProcessor.class);
    private static final String WORKER = UUID.randomUUID().toString();

    private final WatchProperties props;
    private final WatchProgressRepository progress;
    private final WatchState state;
    private final FileDelivery delivery;
    private final CompletionMarkers markers;
    private final RejectedFiles rejected;
    private final ObjectStore store;

    ProcessWatchedFileProcessor(WatchProperties props, WatchProgressRepository progress, WatchState state,
                                FileDelivery delivery, CompletionMarkers markers, RejectedFiles rejected,
                                ObjectStore store) {
        this.props = props;
        this.progress = progress;
        this.state = state;
        this.delivery = delivery;
        this.markers = markers;
        this.rejected = rejected;
        this.store = store;
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
        } catch (NoSuchFileException e) {
            log.info("{} disappeared before it was processed", path);
        } catch (IOException e) {
            log.warn("Cannot read {}: {}", path, e.getMessage());
        } finally {
            state.done(path);
        }
    }

    private void run(SourceFile claimed, FileState before) {
        String path = claimed.path();
        List<String> outputs = new ArrayList<>();
        try {
            SourceFile source = new SourceFile(claimed.file(), path, claimed.size(), claimed.mtime(),
                    Checksums.sha256(claimed.file()));
            progress.recordChecksum(path, source.sha256());
            if (before != null && before.status() == WatchStatus.COMPLETED && source.sha256().equals(before.checksum())) {
                outputs.addAll(before.keys());
                log.info("{} changed size or mtime but not content; nothing to upload", path);
            } else {
                delivery.deliver(source, key -> {
                    outputs.add(key);
                    progress.recordKey(path, key);
                    log.info("Uploaded {} -> s3://{}/{}", path, store.bucket(), key);
                });
            }
            markers.write(source, outputs);
            progress.complete(path, source.sha256(), outputs);
            deleteStale(before, outputs);
            state.remember(new FileState(path, source.size(), source.mtime(), source.sha256(), WatchStatus.COMPLETED,
                    outputs, null));
            log.info("Completed {}: {} object(s)", path, outputs.size());
        } catch (RejectedFileException e) {
            reject(claimed, outputs, e);
        } catch (NoSuchFileException e) {
            log.warn("{} disappeared while it was processed; its partial outputs are removed", path);
            outputs.forEach(store::delete);
            progress.delete(path);
            state.forget(path);
        } catch (Exception e) {
            RejectedFileException rejection = Rejections.find(e);
            if (rejection != null) {
                reject(claimed, outputs, rejection);
            } else {
                retryLater(claimed, e);
            }
        }
    }

    private void reject(SourceFile file, List<String> outputs, RejectedFileException e) {
        try {
            outputs.forEach(store::delete);
            Path moved = rejected.moveToErrorFolder(file.file(), file.path(), e);
            progress.fail(file.path(), e.errorType(), e.getMessage());
            state.remember(new FileState(file.path(), file.size(), file.mtime(), null, WatchStatus.FAILED, List.of(),
                    null));
            log.warn("Failed {} ({}): {}; moved to {}", file.path(), e.errorType(), e.getMessage(), moved);
        } catch (Exception moveFailure) {
            retryLater(file, moveFailure);
        }
    }

    private void retryLater(SourceFile file, Exception cause) {
        try {
            int attempts = progress.attempts(file.path());
            Duration wait = backoff(attempts);
            Instant next = Instant.now().plus(wait);
            progress.retryLater(file.path(), String.valueOf(cause.getMessage()), next);
            state.remember(new FileState(file.path(), file.size(), file.mtime(), null, WatchStatus.PENDING, List.of(),
                    next));
            log.warn("{} not processed (attempt {}), trying again in {}: {}", file.path(), attempts, wait,
                    cause.toString());
        } catch (RuntimeException e) {
            // the database is down too: the row stays in progress and the next start (or lock holder) redoes it
            state.remember(new FileState(file.path(), file.size(), file.mtime(), null, WatchStatus.PENDING, List.of(),
                    Instant.now().plus(props.maxRetryBackoff())));
            log.warn("{} not processed and its progress could not be recorded: {}", file.path(), e.toString());
        }
    }

    private Duration backoff(int attempts) {
        long millis = props.retryBackoff().toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, props.maxRetryBackoff().toMillis()));
    }

    /** Objects an earlier version of the file produced and this one did not (an archive lost an entry). */
    private void deleteStale(FileState before, List<String> outputs) {
        if (before != null) {
            before.keys().stream().filter(key -> !outputs.contains(key)).forEach(store::delete);
        }
    }
}
