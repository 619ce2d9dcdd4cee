package io.dataforge.errors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a site reports of an error it met ({@code POST /api/v1/error[/{batchId}]});
 * {@code metadata} is any JSON, kept as jsonb.
 */
record ErrorReport(@NotBlank @Size(max = 100) String type, @NotBlank @Size(max = 500) String title,
        @NotBlank @Size(max = 10_000) String message, @Size(max = 100_000) String stackTrace,
        @Size(max = 100) String clientVersion, Object metadata) {

    /** Blank optional text is no text. */
    static String orNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

}
