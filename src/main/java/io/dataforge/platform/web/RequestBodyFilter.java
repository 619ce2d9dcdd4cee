package io.dataforge.platform.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps large bodies out of memory. Camel's platform-http binding on this line reads
 * every body into a stream cache before the route runs (and through a character reader,
 * which corrupts binary data). For streamed content types (multipart, gzip, octet-stream,
 * csv...) the request handed on shows no body, and routes read the untouched servlet
 * stream through {@link RequestBodies}. Other bodies above
 * {@code dataforge.web.max-body-size} are refused with 413 before anything reads them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestBodyFilter extends OncePerRequestFilter {

    private final WebProperties props;

    private final ErrorResponses errors;

    RequestBodyFilter(WebProperties props, ErrorResponses errors) {
        this.props = props;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isStreamed(request.getContentType())) {
            chain.doFilter(new BodylessRequest(request), response);
            return;
        }
        long length = request.getContentLengthLong();
        if (length > props.maxBodySize().toBytes()) {
            errors.write(request, response, 413, "Request body of " + length + " bytes exceeds the limit of "
                    + props.maxBodySize().toBytes() + " bytes");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean isStreamed(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return props.streamedContentTypes().stream().anyMatch(type::startsWith);
    }

}
