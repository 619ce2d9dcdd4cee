package io.dataforge.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sampler and the tail decision on a real SDK at ratio 0: what is kept, what is
 * dropped, and what is never recorded.
 */
class TailKeeperTest {

    private InMemorySpanExporter exported = InMemorySpanExporter.create();

    private SdkTracerProvider provider = provider(0);

    private Tracer tracer = provider.get("test");

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void aFastCleanTraceIsDroppedAndASlowOneIsExportedWithItsChildren() {
        trace("fast", SpanKind.SERVER, 10, null);
        trace("slow", SpanKind.SERVER, 1500, null);

        assertThat(names()).containsExactlyInAnyOrder("slow", "slow.child");
    }

    @Test
    void aFailedSpanKeepsItsTraceAndTheSpansThatEndAfterIt() {
        Span root = tracer.spanBuilder("request").setSpanKind(SpanKind.SERVER).startSpan();
        try (Scope scope = root.makeCurrent()) {
            tracer.spanBuilder("before").startSpan().end();
            tracer.spanBuilder("statement")
                .setSpanKind(SpanKind.CLIENT)
                .startSpan()
                .setStatus(StatusCode.ERROR, "refused")
                .end();
            tracer.spanBuilder("after").startSpan().end();
        }
        root.end();

        assertThat(names()).containsExactlyInAnyOrder("before", "statement", "after", "request");
    }

    @Test
    void aRequestAnswered4xxIsKeptSoTheTraceIdOfItsErrorBodyLeadsSomewhere() {
        tracer.spanBuilder("refused")
            .setSpanKind(SpanKind.SERVER)
            .startSpan()
            .setAttribute("http.response.status_code", 400L)
            .end();
        tracer.spanBuilder("ok")
            .setSpanKind(SpanKind.SERVER)
            .startSpan()
            .setAttribute("http.response.status_code", 200L)
            .end();

        assertThat(names()).containsExactly("refused");
    }

    @Test
    void aWorkersPartIsDecidedWhereItStartsUnderAnUnsampledRemoteParent() {
        SpanContext remote = SpanContext.createFromRemoteParent("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
                TraceFlags.getDefault(), TraceState.getDefault());
        long start = System.nanoTime();
        Span consume = tracer.spanBuilder("consume")
            .setSpanKind(SpanKind.CONSUMER)
            .setParent(Context.root().with(Span.wrap(remote)))
            .setStartTimestamp(start, TimeUnit.NANOSECONDS)
            .startSpan();
        assertThat(consume.isRecording()).isTrue();
        assertThat(consume.getSpanContext().isSampled()).as("the head decision travels on").isFalse();
        consume.end(start + Duration.ofSeconds(2).toNanos(), TimeUnit.NANOSECONDS);

        assertThat(names()).containsExactly("consume");
        assertThat(exported.getFinishedSpanItems()).singleElement()
            .satisfies(span -> assertThat(span.getParentSpanId()).isEqualTo("b7ad6b7169203331"));
    }

    @Test
    void housekeepingIsNeverRecorded() {
        Span poll = tracer.spanBuilder("SELECT outbox").setSpanKind(SpanKind.CLIENT).startSpan();
        Span probe = tracer.spanBuilder("GET /actuator/health")
            .setSpanKind(SpanKind.SERVER)
            .setAttribute("url.path", "/actuator/health")
            .startSpan();
        Span underProbe;
        try (Scope scope = probe.makeCurrent()) {
            underProbe = tracer.spanBuilder("SELECT 1").setSpanKind(SpanKind.CLIENT).startSpan();
        }

        assertThat(List.of(poll, probe, underProbe)).noneMatch(Span::isRecording);
        assertThat(probe.getSpanContext().isValid()).as("the ids still exist for logs").isTrue();
    }

    @Test
    void atRatioOneEverySpanGoesStraightOut() {
        provider.close();
        exported = InMemorySpanExporter.create();
        provider = provider(1);
        tracer = provider.get("test");

        trace("fast", SpanKind.SERVER, 10, null);

        assertThat(names()).containsExactlyInAnyOrder("fast", "fast.child");
    }

    private void trace(String name, SpanKind kind, long millis, Long status) {
        long start = System.nanoTime();
        Span root = tracer.spanBuilder(name)
            .setSpanKind(kind)
            .setStartTimestamp(start, TimeUnit.NANOSECONDS)
            .startSpan();
        try (Scope scope = root.makeCurrent()) {
            tracer.spanBuilder(name + ".child").startSpan().end();
        }
        if (status != null) {
            root.setAttribute("http.response.status_code", status);
        }
        root.end(start + Duration.ofMillis(millis).toNanos(), TimeUnit.NANOSECONDS);
    }

    private List<String> names() {
        assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        return exported.getFinishedSpanItems().stream().map(SpanData::getName).toList();
    }

    private SdkTracerProvider provider(double ratio) {
        return SdkTracerProvider.builder()
            .setSampler(new RecordingSampler(Sampler.parentBased(Sampler.traceIdRatioBased(ratio))))
            .addSpanProcessor(new TailKeeper(SimpleSpanProcessor.create(exported), exported, Duration.ofMillis(10),
                    Duration.ofSeconds(1), 100))
            .build();
    }

}
