/**
 * Tracing: the OpenTelemetry SDK (the Spring Boot starter reads the standard
 * {@code OTEL_*} settings), the sampler and the tail decision that keeps slow and failed
 * traces, and {@link io.dataforge.platform.tracing.Tracing}, the one home for spans the
 * libraries do not make (AMQP publish, COPY, the webhook POST) and for the current trace
 * id.
 * <p>
 * In: spans from the HTTP server filter, JDBC, the AWS SDK, Camel routes and
 * {@link io.dataforge.platform.tracing.Tracing}. Out: OTLP http/protobuf to
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT}, nothing when it is unset. Bad record: a trace that
 * cannot be exported is dropped by the SDK's batch processor (logged), never retried.
 * Replay: none.
 */
@NamedInterface("tracing")
package io.dataforge.platform.tracing;

import org.springframework.modulith.NamedInterface;
