package io.dataforge.platform.tracing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * {@code keepSlowerThan} or longer. Otherwise they are dropped. A kept trace's later
 * spans follow it out. Parts of a trace another replica dropped stay missing; the sampled
 * flag in the W3C header still follows the head decision.
 */
final class TailKeeper implements SpanProcessor {

    private static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");

    // a runaway job's spans are cut here rather than fill the heap
    private static final int MAX_SPANS_PER_TRACE = 2000;

    private final SpanProcessor sampled;

    private final SpanProcessor kept;

    private final long slowNanos;

    // a span that ends after its trace's decision waits here until it expires
    private final Cache<String, Pending> pending;

    private final Cache<String, Boolean> keptTraces;

    TailKeeper(SpanProcessor sampled, SpanExporter exporter, Duration exportDelay, Duration keepSlowerThan,
            int maxPendingTraces) {
        this.sampled = sampled;
        this.kept = BatchSpanProcessor.builder(new Unclosed(exporter))
            .setExportUnsampledSpans(true)
            .setScheduleDelay(exportDelay)
            .build();
        this.slowNanos = keepSlowerThan.toNanos();
        this.pending = Caffeine.newBuilder()
            .maximumSize(maxPendingTraces)
            .expireAfterAccess(Duration.ofMinutes(15))
            .build();
        this.keptTraces = Caffeine.newBuilder().maximumSize(1000).expireAfterWrite(Duration.ofMinutes(10)).build();
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
        if (keptTraces.getIfPresent(traceId) != null) {
            kept.onEnd(span);
            return;
        }
        SpanContext parent = span.getParentSpanContext();
        boolean localRoot = !parent.isValid() || parent.isRemote();
        boolean failed = failed(span);
        if (!localRoot && !failed) {
            pending.asMap().compute(traceId, (id, spans) -> (spans == null ? new Pending() : spans).add(span));
            return;
        }
        Pending earlier = pending.asMap().remove(traceId);
        if (failed || span.getLatencyNanos() >= slowNanos) {
            keptTraces.put(traceId, Boolean.TRUE);
            if (earlier != null) {
                earlier.spans.forEach(kept::onEnd);
            }
            kept.onEnd(span);
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

    /** An unsampled trace's ended spans. */
    private static final class Pending {

        private final List<ReadableSpan> spans = new ArrayList<>();

        Pending add(ReadableSpan span) {
            if (spans.size() < MAX_SPANS_PER_TRACE) {
                spans.add(span);
            }
            return this;
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
