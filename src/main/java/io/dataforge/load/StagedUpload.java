package io.dataforge.load;

import java.util.UUID;

/**
 * What the upload request staged in S3 and learned on the way (header aside), before the
 * row is written.
 */
public record StagedUpload(UUID id, UUID accountId, String dataset, String fileName, String dataSourceName,
        String callbackUrl, String stagingKey, boolean gzipped, long sizeBytes, long rowCount) {
}
