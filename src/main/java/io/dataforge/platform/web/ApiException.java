package io.dataforge.platform.web;

import java.util.Map;

/**
 * A failure the client should see as it is: status, message, and an optional machine code
 * and details.
 */
public class ApiException extends RuntimeException {

    private final int status;

    private final String code;

    private final transient Map<String, Object> details;

    public ApiException(int status, String message) {
        this(status, message, null, null);
    }

    public ApiException(int status, String message, String code, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

}
