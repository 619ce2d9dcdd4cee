package io.dataforge.platform.storage;

import java.net.URI;

import io.dataforge.platform.memory.HeapBudget;
import io.micrometer.core.instrument.Gauge;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.awssdk.v2_2.AwsSdkTelemetry;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

@Configuration(proxyBeanMethods = false)
class StorageConfig {

    private static final Logger log = LoggerFactory.getLogger(StorageConfig.class);

    /**
     * One pool for the process, sized from the heap budget unless
     * dataforge.s3.part-buffers says otherwise.
     */
    @Bean
    PartBuffers partBuffers(StorageProperties props, HeapBudget budget, MeterRegistry meters) {
        int partSize = (int) props.partSize().toBytes();
        int count = props.partBuffers() != null ? props.partBuffers()
                : (int) Math.max(2, budget.storageBuffers() / partSize);
        log.info(
                "Heap budget: old generation {}, {} reserved, {} of work; S3 part buffers {} x {} shared by every"
                        + " upload",
                HeapBudget.mb(budget.tenured()), HeapBudget.mb(budget.reserved()), HeapBudget.mb(budget.work()), count,
                HeapBudget.mb(partSize));
        PartBuffers buffers = new PartBuffers(partSize, count);
        Gauge.builder("dataforge.s3.part.buffers.available", buffers, PartBuffers::available)
            .description("S3 part buffers free for uploads")
            .register(meters);
        Gauge.builder("dataforge.s3.part.buffers.waiting", buffers, PartBuffers::waiting)
            .description("Uploads waiting for an S3 part buffer")
            .register(meters);
        return buffers;
    }

    @Bean(destroyMethod = "close")
    S3Client s3Client(StorageProperties props, OpenTelemetry openTelemetry) {
        var builder = S3Client.builder()
            .endpointOverride(URI.create(props.endpoint()))
            .region(Region.of(props.region()))
            .credentialsProvider(credentials(props))
            .forcePathStyle(props.pathStyle())
            // StorageRetry is the one retry layer: with the SDK's too, one call was tried
            // up to 16 times
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                .addExecutionInterceptor(AwsSdkTelemetry.create(openTelemetry).createExecutionInterceptor()))
            .httpClientBuilder(ApacheHttpClient.builder().maxConnections(50));
        if (!props.signPayloads()) {
            builder.putAuthScheme(new UnsignedPayloads());
        }
        if (props.checksumWhenRequired()) {
            builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    @Bean(destroyMethod = "close")
    S3Presigner s3Presigner(StorageProperties props) {
        return S3Presigner.builder()
            .endpointOverride(URI.create(props.endpoint()))
            .region(Region.of(props.region()))
            .credentialsProvider(credentials(props))
            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(props.pathStyle()).build())
            .build();
    }

    private static StaticCredentialsProvider credentials(StorageProperties props) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(props.accessKey(), props.secretKey()));
    }

}
