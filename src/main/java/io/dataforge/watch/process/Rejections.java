package io.dataforge.watch.process;

import java.nio.file.FileSystemException;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.dataforge.platform.faults.Faults;
import io.dataforge.watch.RejectedFileException;

/**
 * The watched folder's one rule for a failed file: a passing fault of the storage, the
 * database, the broker or the folder's own file system leaves it for a retry with
 * backoff; anything else (its content, a limit, a parser's constraint, an {@link Error}
 * such as running out of memory, a bug) would fail the same way again, so the file goes
 * to the error folder at once with its reason.
 */
final class Rejections {

    private Rejections() {
    }

    /**
     * The rejection that sends the file to the error folder, or null when a later attempt
     * may pass.
     */
    static RejectedFileException of(Throwable failure) {
        RejectedFileException explicit = find(failure);
        if (explicit != null) {
            return explicit;
        }
        if (Faults.isInfrastructure(failure) || causedBy(failure, FileSystemException.class)) {
            return null;
        }
        return new RejectedFileException(errorType(failure), Faults.describe(failure), null, failure);
    }

    private static String errorType(Throwable failure) {
        if (failure instanceof OutOfMemoryError) {
            return "OUT_OF_MEMORY";
        }
        if (causedBy(failure, StreamConstraintsException.class) || failure instanceof StackOverflowError) {
            return "LIMIT_EXCEEDED";
        }
        return failure instanceof Error ? "FATAL_ERROR" : "UNPROCESSABLE";
    }

    private static RejectedFileException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RejectedFileException rejected) {
                return rejected;
            }
        }
        return null;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

}
