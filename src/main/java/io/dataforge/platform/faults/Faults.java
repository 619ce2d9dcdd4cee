package io.dataforge.platform.faults;

import java.sql.SQLException;

import io.dataforge.platform.storage.StorageIntegrityException;
import io.dataforge.platform.storage.StorageUnavailableException;
import org.springframework.amqp.AmqpException;
import org.springframework.dao.DataAccessException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Classifies a failure by its cause. Only a fault of the object store, the database or
 * the broker is worth another attempt later: the same input meets a store that is back, a
 * database that has connections again. Everything else comes out the same on every
 * attempt — the input's content, a limit, a parser's constraint, an {@link Error} such as
 * running out of memory, a bug — so retrying it would only repeat the failure forever.
 */
public final class Faults {

    private Faults() {
    }

    /**
     * True when the failure, or anything it wraps, is a fault of the storage, the
     * database or the broker.
     */
    public static boolean isInfrastructure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StorageUnavailableException || t instanceof StorageIntegrityException
                    || t instanceof SdkException || t instanceof DataAccessException || t instanceof SQLException
                    || t instanceof AmqpException) {
                return true;
            }
        }
        return false;
    }

    /** "SimpleName: message" of the failure, for a reason a person reads. */
    public static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

}
