package io.dataforge.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.Exchange;
import org.apache.commons.fileupload2.core.FileItemHeaders;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

/**
 * Walks the parts of a multipart request as they arrive on the wire: each part is a
 * stream read straight from the socket, never spooled to disk or buffered whole. The
 * framing is {@link MultipartReader}'s; the boundary and each part's headers are parsed
 * by commons-fileupload.
 */
public final class StreamingMultipart {

    /** What fileupload allows a part's header block by default. */
    private static final int MAX_HEADER_BYTES = 10 * 1024;

    /** RFC 2046 caps boundaries at 70 characters; a little slack for lax clients. */
    private static final int MAX_BOUNDARY_BYTES = 200;

    /** Handles one part; its stream is only valid until the handler returns. */
    @FunctionalInterface
    public interface PartHandler {

        void handle(Part part) throws IOException;

    }

    public record Part(String fieldName, String fileName, String contentType, boolean isFormField,
            InputStream content) {
    }

    private StreamingMultipart() {
    }

    /**
     * Calls the handler for each part in order; {@code maxParts} caps how many parts a
     * request may carry.
     */
    public static int forEachPart(Exchange exchange, long maxParts, PartHandler handler) throws IOException {
        HttpServletRequest request = RequestBodies.servletRequest(exchange);
        JakartaServletFileUpload<?, ?> headers = new JakartaServletFileUpload<>();
        MultipartReader reader = new MultipartReader(request.getInputStream(), boundary(headers, request),
                MAX_HEADER_BYTES, headerCharset(request));
        int count = 0;
        try {
            String block;
            while ((block = reader.nextPart()) != null) {
                if (++count > maxParts) {
                    throw new ApiException(400, "Too many parts: at most " + maxParts + " per request");
                }
                FileItemHeaders parsed = headers.getParsedHeaders(block);
                String fileName = headers.getFileName(parsed);
                try (InputStream content = reader.body()) {
                    handler.handle(new Part(headers.getFieldName(parsed), fileName, parsed.getHeader("Content-Type"),
                            fileName == null, content));
                }
            }
        }
        catch (MultipartReader.MalformedMultipartException e) {
            throw malformed(e.getMessage());
        }
        return count;
    }

    private static byte[] boundary(JakartaServletFileUpload<?, ?> upload, HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            throw malformed("the content type is " + contentType + ", not multipart/form-data");
        }
        byte[] boundary = upload.getBoundary(contentType);
        if (boundary == null || boundary.length == 0 || boundary.length > MAX_BOUNDARY_BYTES) {
            throw malformed("the content type has no usable boundary");
        }
        return boundary;
    }

    private static Charset headerCharset(HttpServletRequest request) {
        String encoding = request.getCharacterEncoding();
        try {
            return encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
        }
        catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static ApiException malformed(String detail) {
        return new ApiException(400, "Malformed or truncated multipart body: " + detail);
    }

}
