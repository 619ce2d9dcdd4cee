package io.dataforge.platform.tracing;

import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * The configured head sampler (parent-based ratio), except that a trace it drops is still
 * recorded, unsampled, so that {@link TailKeeper} can keep it once it turns out slow or
 * failed. What belongs to no request or job is not traced at all: a JDBC statement or S3
 * call with no parent (a poller's housekeeping), the actuator's probes and scrapes, and
 * the children of such spans.
 */
final class RecordingSampler implements Sampler {

    private static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");

    private static final SamplingResult RECORD_ONLY = SamplingResult.create(SamplingDecision.RECORD_ONLY);

    private final Sampler configured;

    RecordingSampler(Sampler configured) {
        this.configured = configured;
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
            Attributes attributes, List<LinkData> parentLinks) {
        Span parentSpan = Span.fromContext(parentContext);
        SpanContext parent = parentSpan.getSpanContext();
        if (!parent.isValid() ? housekeeping(spanKind, attributes) : !parent.isRemote() && !parentSpan.isRecording()) {
            return SamplingResult.drop();
        }
        SamplingResult head = configured.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
        return head.getDecision() == SamplingDecision.DROP ? RECORD_ONLY : head;
    }

    private static boolean housekeeping(SpanKind kind, Attributes attributes) {
        if (kind == SpanKind.CLIENT || kind == SpanKind.PRODUCER) {
            return true;
        }
        if (kind != SpanKind.SERVER) {
            return false;
        }
        String path = attributes.get(URL_PATH);
        return path != null && path.startsWith("/actuator");
    }

    @Override
    public String getDescription() {
        return "RecordingSampler{" + configured.getDescription() + "}";
    }

}
