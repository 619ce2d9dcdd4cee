package io.dataforge.load;

import java.util.Locale;

/**
 * uploaded → processing → completed | failed; a failed upload may be retried (back to
 * uploaded).
 */
public enum UploadStatus {

    UPLOADED, PROCESSING, COMPLETED, FAILED;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UploadStatus of(String db) {
        return valueOf(db.toUpperCase(Locale.ROOT));
    }

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }

}
