package io.dataforge.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.Exchange;

/** The raw, unbuffered body of a streamed request, for routes that move large uploads. */
public final class RequestBodies {

    static final String SERVLET_REQUEST_HEADER = "CamelHttpServletRequest";

    private RequestBodies() {
    }

    /** The request body as sent, byte for byte; read it once. */
    public static InputStream open(Exchange exchange) throws IOException {
        return streamed(exchange).realInputStream();
    }

    /** The declared length of the body, or -1 when it is sent chunked. */
    public static long declaredLength(Exchange exchange) {
        return streamed(exchange).realContentLength();
    }

    /** The underlying servlet request, with its real body, for streaming parsers. */
    static HttpServletRequest servletRequest(Exchange exchange) {
        return streamed(exchange).original();
    }

    private static BodylessRequest streamed(Exchange exchange) {
        return unwrap(exchange.getMessage().getHeader(SERVLET_REQUEST_HEADER))
            .orElseThrow(() -> new ApiException(415, "This endpoint takes a streamed body (multipart/form-data or"
                    + " a binary content type); got " + exchange.getMessage().getHeader(Exchange.CONTENT_TYPE)));
    }

    /**
     * Security and other filters wrap the request again after {@link RequestBodyFilter}:
     * look through them.
     */
    private static Optional<BodylessRequest> unwrap(Object request) {
        while (request instanceof ServletRequestWrapper wrapper) {
            if (wrapper instanceof BodylessRequest bodyless) {
                return Optional.of(bodyless);
            }
            request = wrapper.getRequest();
        }
        return Optional.empty();
    }

}
