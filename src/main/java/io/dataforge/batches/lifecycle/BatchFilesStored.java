package io.dataforge.batches.lifecycle;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /api/v1/batch/{batchId}/upload}: the files of the request, each stored. */
record BatchFilesStored(@Schema(allowableValues = "OK") String status, int uploadedFiles, List<File> files) {

    BatchFilesStored(List<File> files) {
        this("OK", files.size(), files);
    }

    /** One file stored in S3 and recorded in its batch. */
    @Schema(name = "StoredBatchFile")
    record File(String fileName, long fileSize, OffsetDateTime uploadedAt) {
    }

}
