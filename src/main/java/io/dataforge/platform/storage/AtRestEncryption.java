package io.dataforge.platform.storage;

import java.util.Locale;

import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * How the store is asked to encrypt what we write
 * ({@code dataforge.s3.server-side-encryption} and {@code kms-key-id}). Only the requests
 * that create an object carry it, PutObject and CreateMultipartUpload: S3 takes a
 * multipart object's encryption from the upload's start, and its parts may carry only
 * customer-key (SSE-C) headers.
 *
 * @param algorithm null: the request asks for nothing (the bucket's default applies)
 * @param kmsKeyId null: with aws:kms, the AWS managed key ({@code aws/s3})
 */
record AtRestEncryption(ServerSideEncryption algorithm, String kmsKeyId) {

    static final AtRestEncryption NONE = new AtRestEncryption(null, null);

    /** The settings as written, checked: anything unknown stops the start. */
    static AtRestEncryption of(String setting, String kmsKeyId) {
        String key = blankToNull(kmsKeyId);
        String value = blankToNull(setting);
        if (value == null) {
            if (key != null) {
                throw new IllegalArgumentException(
                        "dataforge.s3.kms-key-id is set but dataforge.s3.server-side-encryption"
                                + " is empty: set it to aws:kms to use the key, or leave the key id empty");
            }
            return NONE;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "aes256" -> {
                if (key != null) {
                    throw new IllegalArgumentException("dataforge.s3.kms-key-id is set but"
                            + " dataforge.s3.server-side-encryption is AES256 (keys managed by the store): set it to"
                            + " aws:kms to use the key, or leave the key id empty");
                }
                yield new AtRestEncryption(ServerSideEncryption.AES256, null);
            }
            case "aws:kms" -> new AtRestEncryption(ServerSideEncryption.AWS_KMS, key);
            default -> throw new IllegalArgumentException("dataforge.s3.server-side-encryption must be empty (none),"
                    + " AES256 (SSE-S3) or aws:kms (SSE-KMS), was '" + setting + "'");
        };
    }

    PutObjectRequest.Builder applyTo(PutObjectRequest.Builder request) {
        return algorithm == null ? request : request.serverSideEncryption(algorithm).ssekmsKeyId(kmsKeyId);
    }

    CreateMultipartUploadRequest.Builder applyTo(CreateMultipartUploadRequest.Builder request) {
        return algorithm == null ? request : request.serverSideEncryption(algorithm).ssekmsKeyId(kmsKeyId);
    }

    /**
     * {@link ETags#verify}, unless under SSE-KMS: there the ETags the store answers (S3's
     * and MinIO's, 32 hex digits) are no MD5s of what was sent and cannot be checked; the
     * store still checks each request's Content-MD5.
     */
    void verify(String etag, byte[] md5, String what) {
        if (algorithm != ServerSideEncryption.AWS_KMS) {
            ETags.verify(etag, md5, what);
        }
    }

    /** {@link ETags#verifyMultipart}, unless under SSE-KMS (see {@link #verify}). */
    void verifyMultipart(String etag, byte[] md5OfPartMd5s, int partCount, String what) {
        if (algorithm != ServerSideEncryption.AWS_KMS) {
            ETags.verifyMultipart(etag, md5OfPartMd5s, partCount, what);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
