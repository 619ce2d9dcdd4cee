package io.dataforge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An OTLP/HTTP receiver on loopback, one per test JVM: {@link IntegrationTest} points
 * {@code otel.exporter.otlp.endpoint} at it, so the application exports its kept spans
 * here, decoded with the protocol's own classes.
 */
public final class TraceReceiver implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** One exported span, as the receiver decoded it. */
    public record Received(String traceId, String spanId, String parentSpanId, String name, String kind,
            Map<String, String> attributes, boolean failed, long durationNanos) {

        public String attribute(String key) {
            return attributes.get(key);
        }

    }

    private static final int KEPT = 50_000;

    private static final Deque<Received> SPANS = new ConcurrentLinkedDeque<>();

    private static HttpServer server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("otel.exporter.otlp.endpoint=http://127.0.0.1:" + port()).applyTo(context);
    }

    /** The spans received so far of this trace. */
    public static List<Received> trace(String traceId) {
        return SPANS.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    /** Every span received so far (the last {@value #KEPT}). */
    public static Collection<Received> all() {
        return List.copyOf(SPANS);
    }

    private static synchronized int port() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/v1/traces", TraceReceiver::receive);
            server.start();
        }
        return server.getAddress().getPort();
    }

    private static void receive(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream body = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                        ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            request.getResourceSpansList()
                .forEach(resource -> resource.getScopeSpansList()
                    .forEach(scope -> scope.getSpansList().forEach(TraceReceiver::keep)));
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private static void keep(Span span) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (KeyValue attribute : span.getAttributesList()) {
            attributes.put(attribute.getKey(), text(attribute.getValue()));
        }
        SPANS.add(new Received(hex(span.getTraceId().toByteArray()), hex(span.getSpanId().toByteArray()),
                hex(span.getParentSpanId().toByteArray()), span.getName(), span.getKind().name(), attributes,
                span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR,
                span.getEndTimeUnixNano() - span.getStartTimeUnixNano()));
        while (SPANS.size() > KEPT) {
            SPANS.pollFirst();
        }
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString();
        };
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

}
