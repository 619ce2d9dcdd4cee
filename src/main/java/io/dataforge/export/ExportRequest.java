package io.dataforge.export;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.dataforge.query.QueryRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * An export order, over REST or AMQP alike: the query (its {@code page.limit} optional,
 * no cursor), the file format and an optional compression. Keys it does not have are
 * collected in {@code unknown} and refused.
 */
@Schema(name = "ExportRequest")
@JsonInclude(JsonInclude.Include.NON_NULL)
record ExportRequest(@NotNull(
        message = "must be a JSON object (a query as /api/v1/query takes it)") @Valid QueryRequest queryDefinition,
        @NotNull(message = "must be csv, json, ndjson, xlsx or pdf") @Schema(allowableValues = {
                "csv", "json", "ndjson", "xlsx", "pdf" }) String format,
        @Schema(description = "left out: none", allowableValues = { "zip", "gzip" }) String compression,
        @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, Object> unknown){
}
