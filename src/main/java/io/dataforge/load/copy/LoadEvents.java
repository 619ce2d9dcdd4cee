package io.dataforge.load.copy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.dataforge.load.Upload;
import io.dataforge.platform.messaging.DomainEvents;
import org.springframework.stereotype.Component;

/** {@code upload.completed} and {@code upload.failed} on the events exchange. */
@Component
class LoadEvents {

    private final DomainEvents events;

    LoadEvents(DomainEvents events) {
        this.events = events;
    }

    void finished(Upload upload, LoadResult result) {
        boolean completed = result.outcome() == LoadResult.Outcome.COMPLETED;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("uploadId", upload.id().toString());
        payload.put("accountId", upload.accountId().toString());
        payload.put("dataset", upload.dataset());
        payload.put("status", completed ? "completed" : "failed");
        payload.put("rowsProcessed", result.counts().rows());
        payload.put("rowsFailed", result.counts().badRows());
        payload.put("createdRows", result.createdRows());
        payload.put("error", result.error());
        payload.put("timestamp", Instant.now().toString());
        events.publish(completed ? "upload.completed" : "upload.failed", payload);
    }

}
