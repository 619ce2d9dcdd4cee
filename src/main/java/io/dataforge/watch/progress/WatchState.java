package io.dataforge.watch.progress;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * What the leader knows in memory: the last recorded state of each file (loaded from
 * {@code watch_progress} when the lock is taken, then kept current by the workers) and
 * the files queued or being processed, so a scan neither queries the database per file
 * nor queues a file twice.
 */
@Component
public class WatchState {

    private final Map<String, FileState> known = new ConcurrentHashMap<>();

    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    public void load(Collection<FileState> states) {
        known.clear();
        states.forEach(this::remember);
    }

    void remember(FileState state) {
        known.put(state.path(), state);
    }

    void forget(String path) {
        known.remove(path);
    }

    public Optional<FileState> known(String path) {
        return Optional.ofNullable(known.get(path));
    }

    /** False when the file is already queued or being processed. */
    public boolean enqueue(String path) {
        return queued.add(path);
    }

    public void done(String path) {
        queued.remove(path);
    }

    int queuedCount() {
        return queued.size();
    }

}
