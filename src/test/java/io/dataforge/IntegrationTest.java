package io.dataforge;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on its embedded servers, one shared context for every IT (same
 * properties, so Spring's context cache reuses it and the servers start once per JVM).
 * The application reaches its S3 store through {@link StorageRecorder}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability // metrics export is off in tests unless asked for;
                            // /actuator/prometheus is part of the product
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "dataforge.data-dir=" + IntegrationTest.DATA_DIR,
                "dataforge.security.admin-password=" + IntegrationTest.ADMIN_PASSWORD,
                "dataforge.camel.redelivery-delay=10ms", "dataforge.camel.maximum-redeliveries=2",
                "dataforge.s3.retry-interval=100ms", "dataforge.batches.max-file-size=16MB",
                "dataforge.batches.max-files-per-batch=5", "dataforge.watch.poll-interval=100ms",
                "dataforge.watch.quiet-period=600ms", "dataforge.watch.retry-backoff=200ms",
                "dataforge.watch.max-retry-backoff=2s", "dataforge.watch.max-decompressed-size=512MB",
                "dataforge.load.uploads-per-minute=20", "dataforge.load.max-file-size=4MB",
                "dataforge.load.max-bad-rows=50", "dataforge.load.progress-every-rows=1000",
                "dataforge.load.republish-interval=1s", "dataforge.load.callback-allowed-hosts=localhost",
                "dataforge.load.webhooks.retry-delay=50ms", "dataforge.privacy.purge-poll=200ms",
                "dataforge.export.progress-every-rows=1000", "dataforge.export.republish-interval=1s",
                "dataforge.batches.gauge-refresh=2s", "dataforge.messaging.queue-depth-refresh=2s",
                // every object written asks for it (the embedded store ignores it);
                // StorageRecorder shows the header on the wire
                "dataforge.s3.server-side-encryption=AES256",
                // spans go to TraceReceiver; at ratio 0 only the kept ones (slow, failed,
                // 4xx) and those of callers that sent a sampled traceparent
                "otel.traces.sampler.arg=0", "otel.bsp.schedule.delay=100",
                // contexts close at JVM exit, when the embedded PostgreSQL may be gone
                // already: timer routes waiting on it
                // would hold each context 45 s and surefire then kills the fork
                "camel.main.shutdown-timeout=5",
                // the contract test's validator notes the schemes it does not check
                // (oauth2) on every request
                "logging.level.com.atlassian.oai.validator=WARN" })
@ContextConfiguration(initializers = { TraceReceiver.class, StorageRecorder.class })
public @interface IntegrationTest {

    String DATA_DIR = "target/it-data";

    String ADMIN_PASSWORD = "it-admin-secret";

}
