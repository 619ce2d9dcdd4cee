package io.dataforge.batches.lifecycle;

import java.time.Duration;
import java.util.UUID;

import io.dataforge.platform.messaging.DomainEvents;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * What happens to batches, told twice: {@code batch.*} and {@code file.uploaded} events
 * on the events exchange, and Micrometer meters ({@code dataforge.batches{outcome}},
 * {@code dataforge.batch.files}, {@code dataforge.batch.bytes},
 * {@code dataforge.batch.upload}) at {@code /actuator/prometheus}.
 */
@Component
class BatchEvents {

    private final DomainEvents events;

    private final MeterRegistry meters;

    BatchEvents(DomainEvents events, MeterRegistry meters) {
        this.events = events;
        this.meters = meters;
    }

    void batch(String type, Batch batch) {
        meters.counter("dataforge.batches", "outcome", type.substring("batch.".length())).increment();
        events.publish(type, new BatchEvent(batch.id(), batch.accountId(), batch.siteId(), batch.status().name(),
                batch.uploadedFilesCount(), batch.totalSize()));
    }

    void fileUploaded(Batch batch, BatchFilesStored.File file, String s3Key, Duration took) {
        meters.counter("dataforge.batch.files").increment();
        DistributionSummary.builder("dataforge.batch.bytes").baseUnit("bytes").register(meters).record(file.fileSize());
        meters.timer("dataforge.batch.upload").record(took);
        events.publish("file.uploaded", new FileUploaded(batch.id(), batch.accountId(), batch.siteId(), file.fileName(),
                file.fileSize(), s3Key));
    }

    /** The payload of {@code batch.started|completed|failed|cancelled|expired}. */
    record BatchEvent(UUID batchId, UUID accountId, UUID siteId, String status, int uploadedFilesCount,
            long totalSize) {
    }

    /** The payload of {@code file.uploaded}. */
    record FileUploaded(UUID batchId, UUID accountId, UUID siteId, String fileName, long fileSize, String key) {
    }

}
