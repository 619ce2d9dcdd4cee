package io.dataforge.load;

/** The file cannot be loaded as it is (structure, header, too many bad rows): the load fails, nothing is kept. */
class LoadRejectedException extends Exception {

    LoadRejectedException(String message) {
        super(message);
    }
}
