package io.dataforge.watch.progress;

/** A watched file's state in {@code watch_progress} (stored in lower case). */
public enum WatchStatus {

    PENDING, IN_PROGRESS, COMPLETED, FAILED;

    String dbValue() {
        return name().toLowerCase();
    }

    static WatchStatus of(String dbValue) {
        return valueOf(dbValue.toUpperCase());
    }

}
