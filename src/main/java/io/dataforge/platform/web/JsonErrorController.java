package io.dataforge.platform.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whatever the container turns into an error page (an unknown path, a sendError from a
 * filter, an exception outside Spring MVC) answers with the standard JSON body, whatever
 * the client accepts.
 */
@RestController
class JsonErrorController implements ErrorController {

    @RequestMapping(path = "${server.error.path:/error}", produces = MediaType.ALL_VALUE)
    ResponseEntity<ErrorBody> error(HttpServletRequest request) {
        int status = attribute(request, RequestDispatcher.ERROR_STATUS_CODE, Integer.class, 500);
        String path = attribute(request, RequestDispatcher.ERROR_REQUEST_URI, String.class, request.getRequestURI());
        String message = status >= 500 ? "Internal error"
                : attribute(request, RequestDispatcher.ERROR_MESSAGE, String.class, null);
        if (message == null || message.isBlank()) {
            message = defaultMessage(status);
        }
        return ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_JSON)
            .body(ErrorBody.of(status, message, path));
    }

    static String defaultMessage(int status) {
        return Map.of(401, "Authentication required", 403, "Access denied", 404, "No such resource")
            .getOrDefault(status,
                    HttpStatus.resolve(status) != null ? HttpStatus.valueOf(status).getReasonPhrase() : "Error");
    }

    private static <T> T attribute(HttpServletRequest request, String name, Class<T> type, T fallback) {
        Object value = request.getAttribute(name);
        return type.isInstance(value) ? type.cast(value) : fallback;
    }

}
