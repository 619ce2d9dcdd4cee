package io.dataforge.load.copy;

import java.time.Instant;
import java.util.UUID;

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
        events.publish(completed ? "upload.completed" : "upload.failed",
                new UploadFinished(upload.id(), upload.accountId(), upload.dataset(),
                        completed ? "completed" : "failed", result.counts().rows(), result.counts().badRows(),
                        result.createdRows(), result.error(), Instant.now().toString()));
    }

    /** The payload of {@code upload.completed} and {@code upload.failed}. */
    record UploadFinished(UUID uploadId, UUID accountId, String dataset, String status, long rowsProcessed,
            long rowsFailed, Long createdRows, String error, String timestamp) {
    }

}
