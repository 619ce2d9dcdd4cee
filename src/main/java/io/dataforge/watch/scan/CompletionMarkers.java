package io.dataforge.watch.scan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.platform.storage.ObjectStore;
import io.dataforge.watch.OutputKeys;
import io.dataforge.watch.SourceFile;
import io.dataforge.watch.progress.FileState;
import io.dataforge.watch.progress.WatchProgressRepository;
import io.dataforge.watch.progress.WatchStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A small JSON object per completed file under {@code <prefix>.dataforge/watch/}, written
 * after all its outputs are stored and verified. It carries what the progress row does
 * (size, mtime, SHA-256, keys), so a lost {@code watch_progress} table can be rebuilt
 * from the bucket alone.
 */
@Component
public class CompletionMarkers {

    private static final Logger log = LoggerFactory.getLogger(CompletionMarkers.class);

    private final ObjectStore store;

    private final OutputKeys keys;

    private final WatchProgressRepository progress;

    private final ObjectMapper json;

    CompletionMarkers(ObjectStore store, OutputKeys keys, WatchProgressRepository progress, ObjectMapper json) {
        this.store = store;
        this.keys = keys;
        this.progress = progress;
        this.json = json;
    }

    public void write(SourceFile source, List<String> outputs) throws IOException {
        byte[] body = json
            .writeValueAsBytes(new Marker(source.path(), source.size(), source.mtime(), source.sha256(), outputs));
        store.upload(keys.marker(source.path()), new ByteArrayInputStream(body), "application/json",
                source.metadata(null));
    }

    /** Inserts a completed row for every readable marker; returns how many. */
    int rebuild() {
        try (var markerKeys = store.list(keys.markerPrefix())) {
            return (int) markerKeys.filter(key -> key.endsWith(".json")).filter(this::restore).count();
        }
    }

    private boolean restore(String key) {
        try (InputStream in = store.open(key)) {
            Marker marker = json.readValue(in, Marker.class);
            progress.insertCompleted(new FileState(marker.path(), marker.size(), marker.mtime(), marker.sha256(),
                    WatchStatus.COMPLETED, marker.keys(), null));
            return true;
        }
        catch (IOException e) {
            // without it the file is simply processed again: an unreadable marker costs
            // one upload, not the watch
            log.warn("Skipped unreadable completion marker {}: {}", key, e.getMessage());
            return false;
        }
    }

    record Marker(String path, long size, Instant mtime, String sha256, List<String> keys) {
    }

}
