package io.dataforge.platform.tracing;

import java.time.Duration;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.apache.camel.CamelContext;
import org.apache.camel.opentelemetry2.OpenTelemetryTracer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Shapes the SDK the OpenTelemetry starter builds: no span exporter without an endpoint
 * (the SDK would otherwise send to localhost:4318), the configured sampler turned into
 * {@link RecordingSampler}, and {@link TailKeeper} in front of the batch processor.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfig {

    private static final Duration DEFAULT_DELAY = Duration.ofSeconds(5);

    // Camel's tracer looks both up in the registry; without them it propagates nothing
    // and the log lines of its routes carry no trace id (CAMEL-23343)
    @Bean
    Tracer tracer(OpenTelemetry openTelemetry) {
        return openTelemetry.getTracer(Tracing.SCOPE);
    }

    @Bean
    ContextPropagators contextPropagators(OpenTelemetry openTelemetry) {
        return openTelemetry.getPropagators();
    }

    /** In place of the starter's tracer, with the same settings. */
    @Bean
    @ConditionalOnProperty(name = "camel.opentelemetry2.enabled", havingValue = "true")
    OpenTelemetryTracer camelTracer(CamelContext camel,
            @Value("${camel.opentelemetry2.exclude-patterns:}") String excludePatterns) {
        CamelTracer tracer = new CamelTracer();
        tracer.setExcludePatterns(excludePatterns.isBlank() ? null : excludePatterns);
        tracer.init(camel);
        return tracer;
    }

    @Bean
    AutoConfigurationCustomizerProvider dataForgeTracing(TracingProperties props) {
        return customizer -> {
            var exporter = new SpanExporter[1];
            customizer.addSpanExporterCustomizer((configured, config) -> {
                if (exporting(config)) {
                    exporter[0] = configured;
                    return configured;
                }
                configured.shutdown();
                return SpanExporter.composite();
            });
            customizer.addSamplerCustomizer(
                    (configured, config) -> exporting(config) ? new RecordingSampler(configured) : Sampler.alwaysOff());
            customizer.addSpanProcessorCustomizer((batch,
                    config) -> exporter[0] != null ? new TailKeeper(batch, exporter[0],
                            config.getDuration("otel.bsp.schedule.delay", DEFAULT_DELAY), props.keepSlowerThan(),
                            props.maxPendingTraces()) : batch);
        };
    }

    /**
     * Whether spans leave the process: the OTLP exporter with an endpoint set, or another
     * exporter named in otel.traces.exporter.
     */
    static boolean exporting(ConfigProperties config) {
        String exporter = config.getString("otel.traces.exporter", "otlp");
        if (!"otlp".equals(exporter)) {
            return !"none".equals(exporter);
        }
        return isSet(config.getString("otel.exporter.otlp.traces.endpoint"))
                || isSet(config.getString("otel.exporter.otlp.endpoint"));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

}
