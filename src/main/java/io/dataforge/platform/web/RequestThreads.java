package io.dataforge.platform.web;

import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * REST routes run on the servlet container's request thread, start to finish. Camel's platform-http engine hands
 * every request to Spring's task executor and answers Spring MVC with a future, so each request paid a thread hop,
 * an async dispatch that ran the whole filter chain again, and a wait for a free thread in that pool of eight (a long
 * upload held one for its whole stream). Measured on 100-row query pages, that was about a third of a request's CPU.
 */
@Configuration(proxyBeanMethods = false)
class RequestThreads {

    private static final Logger LOG = LoggerFactory.getLogger(RequestThreads.class);

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

        /** Null rather than a future: Spring MVC then takes the request as handled, with no async dispatch. */
        @Override
        public CompletableFuture<Void> service(HttpServletRequest request, HttpServletResponse response) {
            try {
                handleService(request, response);
            } catch (Exception e) {
                // as the platform's own consumer: the route's error handler already answered what it could
                LOG.warn("Error handling request due to: {}", e.getMessage(), e);
                if (!response.isCommitted()) {
                    try {
                        response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                    } catch (Exception ignored) {
                        // the client is gone
                    }
                }
            }
            return null;
        }
    }
}
