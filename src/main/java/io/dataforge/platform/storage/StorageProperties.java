package io.dataforge.platform.storage;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dataforge.s3.*}: where objects go and how the client talks to the store.
 *
 * @param partBuffers how many part buffers all uploads of the process share; null: as
 * many as the heap budget's storage share holds (at least two)
 * @param signPayloads whether request bodies are also hashed into the signature over
 * plain http (over https they never are; either way each carries its Content-MD5)
 * @param attempts how often each S3 call is tried in all: the one retry layer, the SDK's
 * own is off
 * @param retryInterval the pause between attempts: fixed on a client's request, doubling
 * in background work
 * @param serverSideEncryption what every object-creating request asks the store to
 * encrypt with: empty (nothing asked, the bucket's default applies), {@code AES256}
 * (SSE-S3) or {@code aws:kms} (SSE-KMS)
 * @param kmsKeyId with aws:kms, the key (id, ARN or alias); empty: the AWS managed key
 */
@Validated
@ConfigurationProperties("dataforge.s3")
public record StorageProperties(@NotBlank String endpoint, @NotBlank String region, @NotBlank String bucket,
        @NotBlank String accessKey, @NotBlank String secretKey, boolean pathStyle, boolean checksumWhenRequired,
        boolean signPayloads, boolean createBucket, @NotNull DataSize partSize, @Min(1) int uploadConcurrency,
        @Min(1) Integer partBuffers, @Min(1) int attempts, @NotNull Duration retryInterval,
        @NotNull Duration presignTtl, String serverSideEncryption, String kmsKeyId) {

    /** S3 refuses multipart parts under 5 MiB except the last one. */
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    public StorageProperties {
        if (partSize != null && partSize.toBytes() < MIN_PART_SIZE) {
            throw new IllegalArgumentException("dataforge.s3.part-size must be at least 5MB, was " + partSize);
        }
        AtRestEncryption.of(serverSideEncryption, kmsKeyId); // an unknown value stops the
                                                             // start
    }

    AtRestEncryption encryption() {
        return AtRestEncryption.of(serverSideEncryption, kmsKeyId);
    }
}
