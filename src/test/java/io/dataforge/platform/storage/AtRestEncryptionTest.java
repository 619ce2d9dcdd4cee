package io.dataforge.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * {@code dataforge.s3.server-side-encryption} and {@code kms-key-id} as the application
 * binds them at start, and the requests they shape.
 */
class AtRestEncryptionTest {

    @Test
    void emptyAsksForNothing() {
        AtRestEncryption none = bind(Map.of()).encryption();

        PutObjectRequest put = none.applyTo(PutObjectRequest.builder()).build();
        assertThat(put.serverSideEncryption()).isNull();
        assertThat(put.ssekmsKeyId()).isNull();
    }

    @Test
    void aes256AsksForStoreManagedKeysOnPutAndMultipartStart() {
        AtRestEncryption aes = bind(Map.of("server-side-encryption", "AES256")).encryption();

        assertThat(aes.applyTo(PutObjectRequest.builder()).build().serverSideEncryption())
            .isEqualTo(ServerSideEncryption.AES256);
        CreateMultipartUploadRequest start = aes.applyTo(CreateMultipartUploadRequest.builder()).build();
        assertThat(start.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(start.ssekmsKeyId()).isNull();
    }

    @Test
    void awsKmsAsksForTheKeyGiven() {
        AtRestEncryption kms = bind(Map.of("server-side-encryption", "aws:kms", "kms-key-id", "alias/data"))
            .encryption();

        PutObjectRequest put = kms.applyTo(PutObjectRequest.builder()).build();
        assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(put.ssekmsKeyId()).isEqualTo("alias/data");
        assertThat(kms.applyTo(CreateMultipartUploadRequest.builder()).build().ssekmsKeyId()).isEqualTo("alias/data");
    }

    @Test
    void awsKmsWithoutAKeyLeavesTheKeyToTheStore() {
        AtRestEncryption kms = bind(Map.of("server-side-encryption", "aws:kms")).encryption();

        PutObjectRequest put = kms.applyTo(PutObjectRequest.builder()).build();
        assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(put.ssekmsKeyId()).isNull();
    }

    @Test
    void underKmsETagsAreNotTakenForMd5s() {
        byte[] md5 = ETags.md5(new byte[] { 1 }, 0, 1);
        String opaque = "\"0123456789abcdef0123456789abcdef\"";

        AtRestEncryption.of("aws:kms", null).verify(opaque, md5, "k");
        AtRestEncryption.of("aws:kms", null).verifyMultipart(opaque + "-2", md5, 2, "k");
        assertThatThrownBy(() -> AtRestEncryption.of("AES256", null).verify(opaque, md5, "k"))
            .isInstanceOf(StorageIntegrityException.class);
    }

    @Test
    void anUnknownValueStopsTheStartWithTheAllowedOnes() {
        assertThatThrownBy(() -> bind(Map.of("server-side-encryption", "SSE-S3"))).isInstanceOf(BindException.class)
            .rootCause()
            .hasMessageContaining("dataforge.s3.server-side-encryption must be empty (none), AES256 (SSE-S3) or"
                    + " aws:kms (SSE-KMS), was 'SSE-S3'");
    }

    @Test
    void aKeyWithoutKmsStopsTheStart() {
        assertThatThrownBy(() -> bind(Map.of("server-side-encryption", "AES256", "kms-key-id", "alias/data")))
            .rootCause()
            .hasMessageContaining("dataforge.s3.kms-key-id is set but dataforge.s3.server-side-encryption is AES256");
        assertThatThrownBy(() -> bind(Map.of("kms-key-id", "alias/data"))).rootCause()
            .hasMessageContaining("dataforge.s3.kms-key-id is set but dataforge.s3.server-side-encryption is empty");
    }

    private static StorageProperties bind(Map<String, String> encryption) {
        Map<String, String> settings = new LinkedHashMap<>(Map.of("endpoint", "http://127.0.0.1:9000", "region",
                "us-east-1", "bucket", "b", "access-key", "a", "secret-key", "s", "part-size", "5MB",
                "upload-concurrency", "2", "attempts", "3", "retry-interval", "1s", "presign-ttl", "1h"));
        encryption.forEach(settings::put);
        Map<String, String> prefixed = new LinkedHashMap<>();
        settings.forEach((key, value) -> prefixed.put("dataforge.s3." + key, value));
        return new Binder(new MapConfigurationPropertySource(prefixed)).bindOrCreate("dataforge.s3",
                StorageProperties.class);
    }

}
