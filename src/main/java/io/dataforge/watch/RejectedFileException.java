package io.dataforge.watch;

/**
 * A file that can never be processed as it is (unsafe or corrupt archive, data that
 * cannot be converted): it goes to the error folder with {@link #errorType()} and, for
 * data files, the row that failed. Transient faults (storage, database) are not this;
 * they leave the file where it is for a later retry.
 */
public class RejectedFileException extends Exception {

    private final String errorType;

    private final Long rowNumber;

    public RejectedFileException(String errorType, String message) {
        this(errorType, message, null, null);
    }

    public RejectedFileException(String errorType, String message, Long rowNumber, Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
        this.rowNumber = rowNumber;
    }

    /**
     * A stable upper-case code: ZIP_SLIP, ZIP_BOMB, CORRUPT_ARCHIVE, ENCRYPTED_ARCHIVE,
     * UNSUPPORTED_ARCHIVE, INVALID_DATA...
     */
    public String errorType() {
        return errorType;
    }

    /** The 1-based data row that failed, or null when no row applies. */
    public Long rowNumber() {
        return rowNumber;
    }

}
