package io.dataforge.platform.tracing;

import java.util.function.BiConsumer;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import org.springframework.stereotype.Component;

/**
 * Spans for the calls no library instruments here (the AMQP publish, COPY, the webhook
 * POST), W3C trace context for their headers, and the current trace id for error bodies.
 */
@Component
public class Tracing {

    static final String SCOPE = "io.dataforge";

    private final Tracer tracer;

    private final TextMapPropagator propagator;

    Tracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(SCOPE);
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** What runs inside a span; it may add attributes to it. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {

        T run(Span span) throws E;

    }

    /**
     * Runs {@code work} in a new span of this kind, current while it runs; an exception
     * marks the span failed and goes on to the caller.
     */
    public <T, E extends Exception> T inSpan(String name, SpanKind kind, Attributes attributes, Work<T, E> work)
            throws E {
        try (Traced traced = start(name, kind, attributes)) {
            try {
                return work.run(traced.span());
            }
            catch (Throwable e) {
                traced.failed(e);
                throw e;
            }
        }
    }

    /**
     * Starts a span of this kind and makes it current until the returned handle closes;
     * for work whose failures are caught in several places.
     */
    public Traced start(String name, SpanKind kind, Attributes attributes) {
        Span span = tracer.spanBuilder(name).setSpanKind(kind).setAllAttributes(attributes).startSpan();
        return new Traced(span, span.makeCurrent());
    }

    /** A started span, current until closed. */
    public record Traced(Span span, Scope scope) implements AutoCloseable {

        /** Marks the span failed by {@code e}. */
        public void failed(Throwable e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
        }

        @Override
        public void close() {
            scope.close();
            span.end();
        }

    }

    /** Writes the current trace context (traceparent, tracestate) as headers. */
    public void inject(BiConsumer<String, String> headers) {
        propagator.inject(Context.current(), headers, BiConsumer::accept);
    }

    /** The current trace's id, null outside any trace. */
    public static String currentTraceId() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }

}
