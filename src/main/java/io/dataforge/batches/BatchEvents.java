package io.dataforge.batches;

import java.util.LinkedHashMap;
import java.util.Map;

import io.dataforge.platform.messaging.DomainEvents;
import org.springframework.stereotype.Component;

/** {@code batch.*} and {@code file.uploaded} events on the events exchange. */
@Component
class BatchEvents {

    private final DomainEvents events;

    BatchEvents(DomainEvents events) {
        this.events = events;
    }

    void batch(String type, Batch batch) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("batchId", batch.id().toString());
        payload.put("accountId", batch.accountId().toString());
        payload.put("siteId", batch.siteId().toString());
        payload.put("status", batch.status().name());
        payload.put("uploadedFilesCount", batch.uploadedFilesCount());
        payload.put("totalSize", batch.totalSize());
        events.publish(type, payload);
    }

    void fileUploaded(Batch batch, Map<String, Object> file, String s3Key) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("batchId", batch.id().toString());
        payload.put("accountId", batch.accountId().toString());
        payload.put("siteId", batch.siteId().toString());
        payload.put("fileName", file.get("fileName"));
        payload.put("fileSize", file.get("fileSize"));
        payload.put("key", s3Key);
        events.publish("file.uploaded", payload);
    }
}
