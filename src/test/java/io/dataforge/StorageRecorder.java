package io.dataforge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A {@link RecordingHttpProxy} in front of the embedded S3 store, one per store and test
 * JVM: {@link IntegrationTest} points {@code dataforge.s3.endpoint} at it, so every
 * request the application sends the store is recorded on its way (server-side encryption
 * headers, for one). Runs after the embedded servers started, which put the store's
 * endpoint into the environment.
 */
public final class StorageRecorder implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Map<String, RecordingHttpProxy> PROXIES = new ConcurrentHashMap<>();

    private static volatile RecordingHttpProxy current;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String endpoint = context.getEnvironment().getRequiredProperty("dataforge.s3.endpoint");
        URI store = URI.create(endpoint);
        if (!"http".equals(store.getScheme())) {
            return; // an external store over TLS: nothing to read on the way
        }
        current = PROXIES.computeIfAbsent(endpoint, any -> start(store.getPort()));
        TestPropertyValues.of("dataforge.s3.endpoint=http://127.0.0.1:" + current.port()).applyTo(context);
    }

    /** Every request to the store so far (the most recent ones), oldest first. */
    public static Collection<RecordingHttpProxy.Request> requests() {
        if (current == null) {
            throw new IllegalStateException("No S3 recorder: the store is not reached over plain http");
        }
        return current.requests();
    }

    private static RecordingHttpProxy start(int port) {
        try {
            return new RecordingHttpProxy(port);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
