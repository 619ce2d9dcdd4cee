package io.dataforge.platform.storage;

/**
 * The store acknowledged bytes that are not the ones sent; the upload is aborted, never
 * counted as done.
 */
public class StorageIntegrityException extends RuntimeException {

    public StorageIntegrityException(String message) {
        super(message);
    }

}
