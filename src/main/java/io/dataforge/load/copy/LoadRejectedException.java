package io.dataforge.load.copy;

/**
 * The file cannot be loaded as it is (structure, header, too many bad rows): the load
 * fails, nothing is kept.
 */
public class LoadRejectedException extends Exception {

    LoadRejectedException(String message) {
        super(message);
    }

}
