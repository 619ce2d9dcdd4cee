package io.dataforge.platform.storage;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** {@code storage}: HeadBucket against the configured bucket. */
@Component("storage")
class StorageHealthIndicator extends AbstractHealthIndicator {

    private final ObjectStore store;

    StorageHealthIndicator(ObjectStore store) {
        super("Object storage unavailable");
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        store.checkAvailable();
        builder.up().withDetail("bucket", store.bucket());
    }

}
