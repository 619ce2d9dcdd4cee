package io.dataforge.load.copy;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A row a load left out: its number (1 = first row after the header), the column at fault
 * if one, and why.
 */
public record RowError(long rowNumber, @Schema(nullable = true) String column, String reason,
        @Schema(nullable = true) String rawExcerpt) {

    static final int EXCERPT_CHARS = 200;

}
