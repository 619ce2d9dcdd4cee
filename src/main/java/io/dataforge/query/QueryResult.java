package io.dataforge.query;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer of {@code /api/v1/query}: one page of rows, each an object of the query's
 * output names and their values. {@link PageBody} writes it as the rows come off the
 * result set, field for field as here (no object is made per row).
 */
@Schema(name = "QueryResult")
record QueryResult(@ArraySchema(schema = @Schema(implementation = Object.class,
        description = "a row: each output name (column, alias or fn_column) and its value")) List<Map<String, Object>> rows,
        @Schema(nullable = true, description = "every matching row; null when includeTotal is false") Long totalRows,
        long executionMs, @Schema(description = "the ETag header's value") String etag, @Schema(nullable = true,
                description = "on a full page of a row query: page.after of the next page") String nextCursor) {
}
