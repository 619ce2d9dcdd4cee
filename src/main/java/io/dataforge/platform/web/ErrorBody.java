package io.dataforge.platform.web;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatus;

/** The one error shape every reply uses: timestamp, status, error, message, path (+ code, details). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(Instant timestamp, int status, String error, String message, String path, String code,
                        Map<String, Object> details) {

    public static ErrorBody of(int status, String message, String path) {
        return of(status, message, path, null, null);
    }

    public static ErrorBody of(int status, String message, String path, String code, Map<String, Object> details) {
        HttpStatus known = HttpStatus.resolve(status);
        String reason = known != null ? known.getReasonPhrase() : "Error";
        return new ErrorBody(Instant.now(), status, reason, message != null ? message : reason, path, code, details);
    }
}
