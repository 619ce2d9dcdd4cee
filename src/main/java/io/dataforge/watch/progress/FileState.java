package io.dataforge.watch.progress;

import java.time.Instant;
import java.util.List;

/** One row of {@code watch_progress}: what was last seen of a file and how far it got. */
public record FileState(String path, long size, Instant mtime, String checksum, WatchStatus status, List<String> keys,
        Instant nextAttemptAt) {

    public boolean sameFile(long otherSize, Instant otherMtime) {
        return size == otherSize && mtime.equals(otherMtime);
    }
}
