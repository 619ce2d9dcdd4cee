package io.dataforge.watch.archive;

import io.dataforge.watch.RejectedFileException;

import java.io.IOException;

import org.apache.commons.compress.MemoryLimitException;
import org.apache.commons.compress.PasswordRequiredException;
import org.apache.commons.compress.archivers.zip.UnsupportedZipFeatureException;

/**
 * A refusal raised where only an {@link IOException} can be thrown (inside a read),
 * carried up to the walker, which rethrows {@link #rejection()}. Keeps archive failures
 * apart from the visitor's own I/O failures.
 */
final class ArchiveRejection extends IOException {

    private final transient RejectedFileException rejection;

    ArchiveRejection(String errorType, String message, Throwable cause) {
        super(message, cause);
        this.rejection = new RejectedFileException(errorType, message, null, cause);
    }

    RejectedFileException rejection() {
        return rejection;
    }

    /**
     * The rejection in {@code failure} or among its causes, or null when the failure is
     * not the archive's.
     */
    static ArchiveRejection findIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ArchiveRejection rejection) {
                return rejection;
            }
        }
        return null;
    }

    /**
     * Names what an I/O failure while reading the archive at {@code location} means for
     * the file.
     */
    static ArchiveRejection of(IOException failure, String location) {
        ArchiveRejection found = findIn(failure);
        if (found != null) {
            return found;
        }
        if (failure instanceof PasswordRequiredException) {
            return new ArchiveRejection("ENCRYPTED_ARCHIVE", location + ": encrypted 7z archive (password required)",
                    failure);
        }
        if (failure instanceof UnsupportedZipFeatureException zip) {
            boolean encrypted = zip.getFeature() == UnsupportedZipFeatureException.Feature.ENCRYPTION;
            return new ArchiveRejection(encrypted ? "ENCRYPTED_ARCHIVE" : "UNSUPPORTED_ARCHIVE",
                    location + ": " + failure.getMessage(), failure);
        }
        if (failure instanceof MemoryLimitException) {
            return new ArchiveRejection("UNSUPPORTED_ARCHIVE",
                    location + ": decoding needs more memory than allowed (" + failure.getMessage() + ")", failure);
        }
        return new ArchiveRejection("CORRUPT_ARCHIVE", location + ": corrupt or truncated archive (" + failure + ")",
                failure);
    }

}
