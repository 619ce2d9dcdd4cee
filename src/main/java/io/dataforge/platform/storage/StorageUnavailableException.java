package io.dataforge.platform.storage;

/** The object store did not answer after every retry; callers answer 503. */
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

}
