package io.dataforge.batches.lifecycle;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The parts of a batch upload as the document shows them. Only the document reads this:
 * the upload streams its parts ({@link UploadBatchFilesProcessor}), it never binds them.
 */
@Schema(name = "BatchUploadForm", requiredProperties = "files")
record BatchUploadForm(@ArraySchema(schema = @Schema(type = "string", format = "binary"), arraySchema = @Schema(
        description = "gzip-compressed files, each named as it lands in the batch")) List<String> files) {
}
