package io.dataforge.datasets;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A dataset as the admin API shows it: the declaration as it is written (type
 * "numeric(12,2)"), plus the server's version and dates. The same shape is what
 * {@code PUT /admin/datasets/{name}} takes, so a GET answer can be sent back changed;
 * version and the dates are then ignored. Each index names its columns ({@code row_id} is
 * appended).
 */
@Schema(name = "Dataset")
record DatasetView(String name, boolean allowUnknownColumns, List<Column> columns, List<List<String>> indexes,
        @Schema(description = "the column naming a data subject (text, uuid, integer or bigint), for subject export"
                + " and erasure; null: none", nullable = true) String subject,
        @Schema(description = "what erasing a subject does: delete its rows, or blank (set to NULL) their pii"
                + " columns; delete unless said, null without subject",
                allowableValues = {
                        "delete", "blank" },
                nullable = true) String erasure,
        @Schema(description = "raised by one with each stored change") int version, OffsetDateTime createdAt,
        OffsetDateTime updatedAt){

    /** A declared column. */
    @Schema(name = "DatasetColumn")
    record Column(String name,
            @Schema(description = "text, integer, bigint, numeric(p,s), boolean, date, timestamp, timestamptz, uuid"
                    + " or jsonb") String type,
            boolean required,
            @Schema(description = "personal data: masked for callers without PII_READER") boolean pii) {
    }

    static DatasetView of(DatasetCatalog.Entry entry) {
        Dataset dataset = entry.dataset();
        return new DatasetView(dataset.name(), dataset.allowUnknownColumns(),
                dataset.columns()
                    .stream()
                    .map(column -> new Column(column.name(), column.typeName(), column.required(), column.pii()))
                    .toList(),
                dataset.indexes(), dataset.subject(), dataset.erasure() == null ? null : dataset.erasure().declared(),
                entry.version(), entry.createdAt(), entry.updatedAt());
    }

}
