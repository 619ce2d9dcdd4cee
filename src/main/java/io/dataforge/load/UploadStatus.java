package io.dataforge.load;

import java.util.Locale;

/** uploaded → processing → completed | failed; a failed upload may be retried (back to uploaded). */
enum UploadStatus {
    UPLOADED, PROCESSING, COMPLETED, FAILED;

    String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    static UploadStatus of(String db) {
        return valueOf(db.toUpperCase(Locale.ROOT));
    }

    boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }
}
