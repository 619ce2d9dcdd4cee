package io.dataforge.datasets.subjects;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shape of an export, for the API document only: the body is written by
 * {@link SubjectExportStream} as the rows are read, never built as this record.
 */
@Schema(name = "SubjectExport")
record SubjectExport(String tenantId, OffsetDateTime exportedAt, List<DatasetRows> datasets) {

    /**
     * One dataset's rows of the subject, in load order: every dataset that declares a
     * subject column is listed, by name.
     */
    @Schema(name = "SubjectDatasetRows")
    record DatasetRows(String dataset, String subjectColumn,
            @Schema(description = "the declared columns of each row; pii columns are \"***\" unless the caller is a"
                    + " PII_READER") List<Object> rows) {
    }

}
