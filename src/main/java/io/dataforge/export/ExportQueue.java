package io.dataforge.export;

import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.platform.messaging.ConfirmedPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes job messages {@code {"jobId": ...}} from committed job rows (an outbox): a
 * row is marked published once the broker confirmed its message.
 * {@link #publishPending()} sends what the broker did not take, and the jobs that waited
 * for a slot of their tenant once one is free. A message sent twice is harmless (see
 * RenderExportProcessor).
 */
@Component
class ExportQueue {

    private final ConfirmedPublisher publisher;

    private final ExportJobRepository jobs;

    private final ExportProperties props;

    private final ObjectMapper json;

    ExportQueue(ConfirmedPublisher publisher, ExportJobRepository jobs, ExportProperties props, ObjectMapper json) {
        this.publisher = publisher;
        this.jobs = jobs;
        this.props = props;
        this.json = json;
    }

    boolean publish(UUID jobId) {
        String body = json.createObjectNode().put("jobId", jobId.toString()).toString();
        jobs.unpark(jobId);
        if (!publisher.publish(props.queue(), props.queue(), body)) {
            return false;
        }
        jobs.markPublished(jobId);
        return true;
    }

    /** Stops at the first failure: the broker is still away. */
    void publishPending() {
        for (UUID id : jobs.publishable(props.queue(), props.maxRunningPerTenant(), 100)) {
            if (!publish(id)) {
                return;
            }
        }
    }

    UUID jobId(String body) {
        try {
            return UUID.fromString(json.readTree(body == null ? "" : body).path("jobId").asText());
        }
        catch (Exception e) {
            throw new IllegalArgumentException("not an export job message: " + body, e);
        }
    }

}
