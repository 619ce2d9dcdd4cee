package io.dataforge.watch.scan;

import io.dataforge.platform.storage.ObjectStore;
import io.dataforge.watch.OutputKeys;
import io.dataforge.watch.WatchProperties;
import io.dataforge.watch.progress.FileOutcomes;
import io.dataforge.watch.progress.FileState;
import io.dataforge.watch.progress.WatchProgressRepository;
import io.dataforge.watch.progress.WatchState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs when this instance takes the watch lock, before its first scan. Files left in
 * progress by a killed run have their unfinished multipart uploads aborted and are redone
 * from the start, unless the process has now stopped
 * {@code dataforge.watch.max-interrupted-attempts} times on the same file: that one is
 * parked in the error folder, so a file that brings the process down cannot put it in a
 * crash loop. An empty progress table is rebuilt from the completion markers in S3, so
 * nothing already uploaded goes up again.
 */
@Component
class WatchRecovery {

    private static final Logger log = LoggerFactory.getLogger(WatchRecovery.class);

    private final WatchProgressRepository progress;

    private final CompletionMarkers markers;

    private final OutputKeys keys;

    private final ObjectStore store;

    private final WatchState state;

    private final FileOutcomes outcomes;

    private final WatchProperties props;

    WatchRecovery(WatchProgressRepository progress, CompletionMarkers markers, OutputKeys keys, ObjectStore store,
            WatchState state, FileOutcomes outcomes, WatchProperties props) {
        this.progress = progress;
        this.markers = markers;
        this.keys = keys;
        this.store = store;
        this.state = state;
        this.outcomes = outcomes;
        this.props = props;
    }

    void run() {
        for (FileState interrupted : progress.inProgress()) {
            int aborted = keys.possibleOutputPrefixes(interrupted.path())
                .stream()
                .mapToInt(store::abortPendingUploads)
                .sum();
            int interruptions = progress.resetToPending(interrupted.path());
            if (interruptions >= props.maxInterruptedAttempts()) {
                outcomes.parked(interrupted, interruptions);
            }
            else {
                log.info(
                        "{} was in progress when the last run stopped ({} of {} such stops): {} unfinished upload(s)"
                                + " aborted, it will be redone",
                        interrupted.path(), interruptions, props.maxInterruptedAttempts(), aborted);
            }
        }
        if (progress.count() == 0) {
            int rebuilt = markers.rebuild();
            if (rebuilt > 0) {
                log.info("Progress table was empty: rebuilt {} completed file(s) from the markers in S3", rebuilt);
            }
        }
        state.load(progress.all());
    }

}
