package io.dataforge.platform.tracing;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the HTTP server span to Camel's REST routes. Camel starts a route's span from the
 * trace headers of the request, not from the thread's context, so without this its spans
 * (and every statement under them) would start a trace of their own beside the server
 * span. The request is seen with the server span's {@code traceparent} in place of the
 * caller's.
 */
@Component
class CamelRequestTraceContext extends OncePerRequestFilter implements Ordered {

    private final Tracing tracing;

    CamelRequestTraceContext(Tracing tracing) {
        this.tracing = tracing;
    }

    @Override
    public int getOrder() {
        // after the OpenTelemetry filter that starts the server span, before security
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String> context = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        tracing.inject(context::put);
        chain.doFilter(context.isEmpty() ? request : new WithTraceContext(request, context), response);
    }

    private static final class WithTraceContext extends HttpServletRequestWrapper {

        private final Map<String, String> context;

        WithTraceContext(HttpServletRequest request, Map<String, String> context) {
            super(request);
            this.context = context;
        }

        @Override
        public String getHeader(String name) {
            String value = context.get(name);
            return value != null ? value : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String value = context.get(name);
            return value != null ? Collections.enumeration(Set.of(value)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getHeaderNames()));
            names.removeIf(context::containsKey);
            names.addAll(context.keySet());
            return Collections.enumeration(names);
        }

    }

}
