package io.dataforge.platform.web;

import java.io.IOException;
import java.io.InputStream;

import org.apache.camel.Exchange;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

/**
 * Walks the parts of a multipart request as they arrive on the wire: each part is a
 * stream read straight from the socket, never spooled to disk or buffered whole
 * (commons-fileupload's streaming API).
 */
public final class StreamingMultipart {

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
        JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
        int count = 0;
        try {
            FileItemInputIterator parts = upload.getItemIterator(RequestBodies.servletRequest(exchange));
            while (parts.hasNext()) {
                FileItemInput item = parts.next();
                if (++count > maxParts) {
                    throw new ApiException(400, "Too many parts: at most " + maxParts + " per request");
                }
                try (InputStream content = item.getInputStream()) {
                    handler.handle(new Part(item.getFieldName(), item.getName(), item.getContentType(),
                            item.isFormField(), content));
                }
            }
        }
        catch (FileUploadException e) {
            throw new ApiException(400, "Malformed or truncated multipart body: " + e.getMessage());
        }
        return count;
    }

}
