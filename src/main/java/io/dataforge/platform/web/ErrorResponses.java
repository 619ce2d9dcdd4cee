package io.dataforge.platform.web;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes an {@link ErrorBody} straight to a servlet response (filters and security
 * handlers).
 */
@Component
public class ErrorResponses {

    private final ObjectMapper mapper;

    ErrorResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        write(response, ErrorBody.of(status, message, request.getRequestURI()));
    }

    public void write(HttpServletResponse response, ErrorBody body) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(body.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), body);
    }

    public String json(ErrorBody body) {
        try {
            return mapper.writeValueAsString(body);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
