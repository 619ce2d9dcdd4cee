package io.dataforge.platform.storage;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The one retry layer of S3 calls (the SDK's own retries are off): a call is tried
 * {@code attempts} times in all, only for failures worth trying again. The pause between
 * attempts is fixed for a client waiting on its request (it gets its answer in a bounded
 * time), or doubles per attempt up to {@link #MAX_PAUSE} for background work.
 */
final class StorageRetry {

    private static final Logger log = LoggerFactory.getLogger(StorageRetry.class);

    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final int attempts;

    private final Duration interval;

    private final boolean doubling;

    private StorageRetry(int attempts, Duration interval, boolean doubling) {
        this.attempts = attempts;
        this.interval = interval;
        this.doubling = doubling;
    }

    static StorageRetry fixed(int attempts, Duration interval) {
        return new StorageRetry(attempts, interval, false);
    }

    static StorageRetry doubling(int attempts, Duration interval) {
        return new StorageRetry(attempts, interval, true);
    }

    <T> T call(String what, Supplier<T> call) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                pause(attempt - 1);
            }
            try {
                return call.get();
            }
            catch (RuntimeException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                last = e;
                log.warn("S3 {} failed (attempt {} of {}): {}", what, attempt, attempts, e.getMessage());
            }
        }
        throw new StorageUnavailableException(
                "Object storage unavailable: " + what + " failed after " + attempts + " attempts", last);
    }

    void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }

    static boolean isTransient(RuntimeException e) {
        if (e instanceof S3Exception s3) {
            // BadDigest: the bytes were damaged on the way; the buffer still holds the
            // right ones
            return s3.statusCode() >= 500 || s3.statusCode() == 429
                    || (s3.awsErrorDetails() != null && "BadDigest".equals(s3.awsErrorDetails().errorCode()));
        }
        return e instanceof SdkClientException;
    }

    /** The pause after the {@code retry}-th failed attempt. */
    private void pause(int retry) {
        long millis = doubling ? Math.min(MAX_PAUSE.toMillis(), interval.toMillis() << Math.min(retry - 1, 20))
                : interval.toMillis();
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("Interrupted while retrying S3", e);
        }
    }

}
