package io.dataforge.batches.lifecycle;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

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
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("batchId", batch.id().toString());
        payload.put("accountId", batch.accountId().toString());
        payload.put("siteId", batch.siteId().toString());
        payload.put("status", batch.status().name());
        payload.put("uploadedFilesCount", batch.uploadedFilesCount());
        payload.put("totalSize", batch.totalSize());
        events.publish(type, payload);
    }

    void fileUploaded(Batch batch, BatchFilesStored.File file, String s3Key, Duration took) {
        meters.counter("dataforge.batch.files").increment();
        DistributionSummary.builder("dataforge.batch.bytes").baseUnit("bytes").register(meters).record(file.fileSize());
        meters.timer("dataforge.batch.upload").record(took);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("batchId", batch.id().toString());
        payload.put("accountId", batch.accountId().toString());
        payload.put("siteId", batch.siteId().toString());
        payload.put("fileName", file.fileName());
        payload.put("fileSize", file.fileSize());
        payload.put("key", s3Key);
        events.publish("file.uploaded", payload);
    }

}
