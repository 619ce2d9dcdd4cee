package io.dataforge.load.staging;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The 202 of an upload queued for loading: a new one carries what staging found; a retry
 * only the id and status.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UploadAccepted(UUID uploadId, String status, String fileName, String dataset, Long rowsDetected,
        Long estimatedProcessingSeconds) {

    public static UploadAccepted retried(UUID uploadId) {
        return new UploadAccepted(uploadId, "uploaded", null, null, null, null);
    }

}
