package io.dataforge.platform.web;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpConsumer;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * REST routes run on the servlet container's request thread, start to finish. Camel's
 * platform-http engine hands every request to Spring's task executor and answers Spring
 * MVC with a future, so each request paid a thread hop, an async dispatch that ran the
 * whole filter chain again, and a wait for a free thread in that pool of eight (a long
 * upload held one for its whole stream). Measured on 100-row query pages, that was about
 * a third of a request's CPU.
 * <p>
 * Camel's binding also flushes the response after every 8 KB it copies, so even a small
 * answer went out chunked, in three socket writes. Here the response is buffered up to
 * {@link #RESPONSE_BUFFER} and those flushes are let go: an answer that fits leaves in
 * one write with a Content-Length; a larger one streams out a buffer at a time.
 */
@Configuration(proxyBeanMethods = false)
class RequestThreads {

    private static final Logger LOG = LoggerFactory.getLogger(RequestThreads.class);

    private static final int RESPONSE_BUFFER = 32 * 1024;

    @Bean(name = "platform-http-engine")
    PlatformHttpEngine platformHttpEngine(@Value("${server.port:8080}") int port) {
        return new SpringBootPlatformHttpEngine(port) {
            @Override
            public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
                return new SameThreadConsumer(endpoint, processor);
            }
        };
    }

    private static final class SameThreadConsumer extends SpringBootPlatformHttpConsumer {

        SameThreadConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
            super(endpoint, processor, Runnable::run);
        }

        /**
         * Null rather than a future: Spring MVC then takes the request as handled, with
         * no async dispatch.
         */
        @Override
        public CompletableFuture<Void> service(HttpServletRequest request, HttpServletResponse servletResponse) {
            HttpServletResponse response = new Buffered(servletResponse);
            try {
                handleService(request, response);
            }
            catch (Exception e) {
                // as the platform's own consumer: the route's error handler already
                // answered what it could
                LOG.warn("Error handling request due to: {}", e.getMessage(), e);
                if (!response.isCommitted()) {
                    try {
                        response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                    }
                    catch (Exception ignored) {
                        // the client is gone
                    }
                }
            }
            return null;
        }

    }

    /**
     * The response with a larger buffer, whose stream's flushes wait for the buffer to
     * fill or the stream to close.
     */
    private static final class Buffered extends HttpServletResponseWrapper {

        private ServletOutputStream stream;

        Buffered(HttpServletResponse response) {
            super(response);
            response.setBufferSize(RESPONSE_BUFFER);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = new FlushLater(super.getOutputStream());
            }
            return stream;
        }

    }

    private static final class FlushLater extends ServletOutputStream {

        private final ServletOutputStream out;

        FlushLater(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() {
            // the container writes when its buffer fills, and on close
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }

    }

}
