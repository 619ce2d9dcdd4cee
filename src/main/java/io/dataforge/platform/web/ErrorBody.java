package io.dataforge.platform.web;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dataforge.platform.tracing.Tracing;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;

/**
 * The one error shape every reply uses: timestamp, status, error, message, path (+ code,
 * details, and the trace id that leads to the request's spans and log lines). The code is
 * also given as {@code error_code}, the name the upload contract uses.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(Instant timestamp, int status, String error, String message, String path, String code,
        // any JSON values (texts, numbers): the document says "an object", not "an object
        // of objects"
        @Schema(implementation = Object.class) Map<String, Object> details,
        @Schema(description = "the request's trace: the id to look up in the tracing backend and in the log lines") String traceId) {

    public static ErrorBody of(int status, String message, String path) {
        return of(status, message, path, null, null);
    }

    public static ErrorBody of(int status, String message, String path, String code, Map<String, Object> details) {
        HttpStatus known = HttpStatus.resolve(status);
        String reason = known != null ? known.getReasonPhrase() : "Error";
        return new ErrorBody(Instant.now(), status, reason, message != null ? message : reason, path, code, details,
                Tracing.currentTraceId());
    }

    @JsonProperty("error_code")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String errorCode() {
        return code;
    }
}
