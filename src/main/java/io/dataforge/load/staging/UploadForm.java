package io.dataforge.load.staging;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The parts of a CSV upload as the document shows them. Only the document reads this: the
 * upload streams its parts ({@link StageUploadProcessor}), it never binds them.
 */
@Schema(name = "UploadForm", requiredProperties = { "file", "dataset" })
public record UploadForm(
        @Schema(type = "string", format = "binary", description = "the CSV file, .csv or .csv.gz") String file,
        @Schema(description = "the dataset to load into") String dataset,
        @Schema(description = "POSTed the outcome when the load ends") String callbackUrl,
        @Schema(description = "where the file came from, as the caller names it") String dataSourceName) {
}
