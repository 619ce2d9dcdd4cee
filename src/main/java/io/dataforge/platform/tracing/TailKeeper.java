package io.dataforge.platform.tracing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The tail decision, made in each replica: sampled spans go to the batch processor as
 * they end; an unsampled trace's spans wait here until the span that started the trace on
 * this replica (a request, a consumed message) ends, and are exported when anything in
 * them failed, when that span answered 400 or more, or when it took
 * {@code keepSlowerThan} or longer. Otherwise they are dropped. Once a span failed, the
 * trace's later spans go straight out. Parts of a trace another replica dropped stay
 * missing; the sampled flag in the W3C header still follows the head decision.
 */
final class TailKeeper implements SpanProcessor {

    private static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");

    // a runaway job's spans are cut here rather than fill the heap
    private static final int MAX_SPANS_PER_TRACE = 2000;

    // a span that ends after its trace's decision starts an entry nobody ends: swept
    // after
    private static final long ABANDONED_NANOS = Duration.ofMinutes(15).toNanos();

    private final SpanProcessor sampled;

    private final SpanProcessor kept;

    private final long slowNanos;

    private final int maxPendingTraces;

    // a plain map: a bounded cache's upkeep on every span cost 2 % of a query's CPU
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    private final AtomicInteger rootsSinceSweep = new AtomicInteger();

    TailKeeper(SpanProcessor sampled, SpanExporter exporter, Duration exportDelay, Duration keepSlowerThan,
            int maxPendingTraces) {
        this.sampled = sampled;
        this.kept = BatchSpanProcessor.builder(new Unclosed(exporter))
            .setExportUnsampledSpans(true)
            .setScheduleDelay(exportDelay)
            .build();
        this.slowNanos = keepSlowerThan.toNanos();
        this.maxPendingTraces = maxPendingTraces;
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        sampled.onStart(parentContext, span);
    }

    @Override
    public boolean isStartRequired() {
        return sampled.isStartRequired();
    }

    @Override
    public void onEnd(ReadableSpan span) {
        SpanContext context = span.getSpanContext();
        if (context.isSampled()) {
            sampled.onEnd(span);
            return;
        }
        String traceId = context.getTraceId();
        SpanContext parent = span.getParentSpanContext();
        if (parent.isValid() && !parent.isRemote()) {
            Pending trace = pending.get(traceId);
            if (trace == null && pending.size() < maxPendingTraces) {
                trace = pending.computeIfAbsent(traceId, id -> new Pending());
            }
            if (trace != null) {
                trace.add(span, failed(span), kept);
            }
            return;
        }
        Pending trace = pending.remove(traceId);
        if ((trace != null && trace.kept) || failed(span) || span.getLatencyNanos() >= slowNanos) {
            if (trace != null) {
                trace.keep(kept);
            }
            kept.onEnd(span);
        }
        if (rootsSinceSweep.incrementAndGet() % 1024 == 0) {
            long now = System.nanoTime();
            pending.values().removeIf(abandoned -> now - abandoned.created > ABANDONED_NANOS);
        }
    }

    private static boolean failed(ReadableSpan span) {
        Long status = span.getAttribute(HTTP_STATUS);
        return (status != null && status >= 400) || span.toSpanData().getStatus().getStatusCode() == StatusCode.ERROR;
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    @Override
    public CompletableResultCode forceFlush() {
        return CompletableResultCode.ofAll(List.of(sampled.forceFlush(), kept.forceFlush()));
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofAll(List.of(kept.shutdown(), sampled.shutdown()));
    }

    /**
     * An unsampled trace's ended spans on this replica; once one failed, the trace is
     * kept and what ends later goes straight out.
     */
    private static final class Pending {

        private final long created = System.nanoTime();

        private final List<ReadableSpan> spans = new ArrayList<>();

        private boolean kept;

        synchronized void add(ReadableSpan span, boolean failed, SpanProcessor out) {
            if (kept) {
                out.onEnd(span);
                return;
            }
            if (spans.size() < MAX_SPANS_PER_TRACE) {
                spans.add(span);
            }
            if (failed) {
                keep(out);
            }
        }

        synchronized void keep(SpanProcessor out) {
            kept = true;
            spans.forEach(out::onEnd);
            spans.clear();
        }

    }

    /**
     * The exporter as the kept spans' processor sees it: the sampled processor owns it
     * and shuts it down.
     */
    private record Unclosed(SpanExporter exporter) implements SpanExporter {

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return exporter.export(spans);
        }

        @Override
        public CompletableResultCode flush() {
            return exporter.flush();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }

    }

}
