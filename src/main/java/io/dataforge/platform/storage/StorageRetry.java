package io.dataforge.platform.storage;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Retries one S3 call a fixed number of times with exponential backoff (the interval doubles per attempt, up to
 * {@link #MAX_PAUSE}); only failures worth retrying.
 */
final class StorageRetry {

    private static final Logger log = LoggerFactory.getLogger(StorageRetry.class);

    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final int retries;
    private final Duration interval;

    StorageRetry(int retries, Duration interval) {
        this.retries = retries;
        this.interval = interval;
    }

    <T> T call(String what, Supplier<T> call) {
        RuntimeException last = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                pause(attempt);
            }
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                last = e;
                log.warn("S3 {} failed (attempt {} of {}): {}", what, attempt + 1, retries + 1, e.getMessage());
            }
        }
        throw new StorageUnavailableException("Object storage unavailable: " + what + " failed after "
                + (retries + 1) + " attempts", last);
    }

    void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }

    static boolean isTransient(RuntimeException e) {
        if (e instanceof S3Exception s3) {
            // BadDigest: the bytes were damaged on the way; the buffer still holds the right ones
            return s3.statusCode() >= 500 || s3.statusCode() == 429
                    || (s3.awsErrorDetails() != null && "BadDigest".equals(s3.awsErrorDetails().errorCode()));
        }
        return e instanceof SdkClientException;
    }

    private void pause(int attempt) {
        long millis = Math.min(MAX_PAUSE.toMillis(), interval.toMillis() << Math.min(attempt - 1, 20));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("Interrupted while retrying S3", e);
        }
    }
}
