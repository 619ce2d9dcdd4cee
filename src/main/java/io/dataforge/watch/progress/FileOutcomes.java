package io.dataforge.watch.progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.dataforge.platform.storage.ObjectStore;
import io.dataforge.watch.RejectedFileException;
import io.dataforge.watch.SourceFile;
import io.dataforge.watch.WatchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How a processed file ends: completed (stale objects of an earlier version removed),
 * rejected into the error folder (its objects removed), or left in place for a later
 * attempt with exponential backoff. Each outcome is written to {@code watch_progress} and
 * to the scanner's memory.
 */
@Component
public class FileOutcomes {

    private static final Logger log = LoggerFactory.getLogger(FileOutcomes.class);

    private final WatchProperties props;

    private final WatchProgressRepository progress;

    private final WatchState state;

    private final RejectedFiles rejected;

    private final ObjectStore store;

    private final WatchMetrics metrics;

    FileOutcomes(WatchProperties props, WatchProgressRepository progress, WatchState state, RejectedFiles rejected,
            ObjectStore store, WatchMetrics metrics) {
        this.props = props;
        this.progress = progress;
        this.state = state;
        this.rejected = rejected;
        this.store = store;
        this.metrics = metrics;
    }

    public void completed(SourceFile file, List<String> outputs, FileState before) {
        progress.complete(file.path(), file.sha256(), outputs);
        if (before != null) {
            // objects an earlier version produced and this one did not (an archive lost
            // an entry)
            before.keys().stream().filter(key -> !outputs.contains(key)).forEach(store::delete);
        }
        state.remember(new FileState(file.path(), file.size(), file.mtime(), file.sha256(), WatchStatus.COMPLETED,
                outputs, null));
        metrics.file("completed");
        log.info("Completed {}: {} object(s)", file.path(), outputs.size());
    }

    public void rejected(SourceFile file, List<String> outputs, RejectedFileException e) {
        try {
            outputs.forEach(store::delete);
            Path moved = rejected.moveToErrorFolder(file.file(), file.path(), e);
            progress.fail(file.path(), e.errorType(), e.getMessage());
            state.remember(
                    new FileState(file.path(), file.size(), file.mtime(), null, WatchStatus.FAILED, List.of(), null));
            metrics.file("failed");
            log.warn("Failed {} ({}): {}; moved to {}", file.path(), e.errorType(), e.getMessage(), moved);
        }
        catch (Exception moveFailure) {
            retryLater(file, moveFailure);
        }
    }

    /**
     * A file the process stopped on too often: into the error folder without another
     * attempt.
     */
    public void parked(FileState interrupted, int interruptions) {
        Path file = props.dir().resolve(interrupted.path());
        SourceFile source = new SourceFile(file, interrupted.path(), interrupted.size(), interrupted.mtime(), null);
        if (!Files.exists(file)) {
            vanished(source, List.of());
            return;
        }
        rejected(source, List.of(),
                new RejectedFileException("PROCESS_STOPPED", "the process stopped " + interruptions
                        + " time(s) while this file was in progress (killed, or out of memory and ended by"
                        + " -XX:+ExitOnOutOfMemoryError); parked after dataforge.watch.max-interrupted-attempts ("
                        + props.maxInterruptedAttempts() + ") such attempts"));
    }

    public void vanished(SourceFile file, List<String> outputs) {
        log.warn("{} disappeared while it was processed; its partial outputs are removed", file.path());
        outputs.forEach(store::delete);
        progress.delete(file.path());
        state.forget(file.path());
    }

    public void retryLater(SourceFile file, Throwable cause) {
        metrics.file("retried");
        try {
            int attempts = progress.attempts(file.path());
            Duration wait = backoff(attempts);
            Instant next = Instant.now().plus(wait);
            progress.retryLater(file.path(), String.valueOf(cause.getMessage()), next);
            remember(file, next);
            log.warn("{} not processed (attempt {}), trying again in {}: {}", file.path(), attempts, wait,
                    cause.toString());
        }
        catch (RuntimeException e) {
            // the database is down too: the row stays in progress and the next lock
            // holder redoes it
            remember(file, Instant.now().plus(props.maxRetryBackoff()));
            log.warn("{} not processed and its progress could not be recorded: {}", file.path(), e.toString());
        }
    }

    private void remember(SourceFile file, Instant nextAttempt) {
        state.remember(new FileState(file.path(), file.size(), file.mtime(), null, WatchStatus.PENDING, List.of(),
                nextAttempt));
    }

    private Duration backoff(int attempts) {
        long millis = props.retryBackoff().toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, props.maxRetryBackoff().toMillis()));
    }

}
