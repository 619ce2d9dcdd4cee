package io.dataforge.platform.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * An {@link OutputStream} into one S3 object of unknown length. Bytes collect in one buffer of the part
 * size; each full buffer becomes a multipart part, retried from the buffer, so memory stays at one part
 * whatever the object's size. An object smaller than one part is a single PUT. Any failure, or
 * {@link #abort()}, aborts the multipart upload so that nothing half-written remains.
 * <p>Integrity: every request carries the MD5 of its bytes ({@code Content-MD5}, so the store refuses a
 * corrupted transfer), and the ETags the store answers with are checked against the MD5s sent: for each
 * part, for a single PUT, and for the completed object (MD5 of the parts' MD5s, "-", part count).
 */
public final class MultipartUploadStream extends OutputStream {

    private final S3Client s3;
    private final StorageRetry retry;
    private final String bucket;
    private final String key;
    private final String contentType;
    private final Map<String, String> metadata;
    private final byte[] buffer;
    private final List<CompletedPart> parts = new ArrayList<>();
    private final ByteArrayOutputStream partDigests = new ByteArrayOutputStream();
    private int filled;
    private long size;
    private String uploadId;
    private boolean finished;

    MultipartUploadStream(S3Client s3, StorageRetry retry, String bucket, String key, String contentType,
                          Map<String, String> metadata, int partSize) {
        this.s3 = s3;
        this.retry = retry;
        this.bucket = bucket;
        this.key = key;
        this.contentType = contentType != null ? contentType : "application/octet-stream";
        this.metadata = Map.copyOf(metadata);
        this.buffer = new byte[partSize];
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ensureOpen();
        while (length > 0) {
            int n = Math.min(length, buffer.length - filled);
            System.arraycopy(bytes, offset, buffer, filled, n);
            filled += n;
            size += n;
            offset += n;
            length -= n;
            if (filled == buffer.length) {
                guarded(this::uploadPart);
            }
        }
    }

    /** Uploads what is left and completes the object. */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        guarded(() -> {
            if (uploadId == null) {
                putSingle();
            } else {
                if (filled > 0) {
                    uploadPart();
                }
                String etag = retry.call("complete " + key, () -> s3.completeMultipartUpload(b -> b.bucket(bucket)
                        .key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)))).eTag();
                ETags.verifyMultipart(etag, ETags.md5(partDigests.toByteArray(), 0, partDigests.size()),
                        parts.size(), key);
            }
        });
        finished = true;
    }

    /** Gives up on the object: a started multipart upload is aborted, nothing is stored. */
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        if (uploadId != null) {
            try {
                retry.run("abort " + key, () -> s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)));
            } catch (RuntimeException e) {
                // a leftover upload is reclaimed by the bucket's lifecycle rule; the caller's error matters more
            }
        }
    }

    /** Bytes written so far. */
    public long size() {
        return size;
    }

    public String key() {
        return key;
    }

    private void putSingle() {
        byte[] md5 = ETags.md5(buffer, 0, filled);
        String etag = retry.call("put " + key, () -> s3.putObject(b -> b.bucket(bucket).key(key)
                .contentType(contentType).contentLength((long) filled).contentMD5(ETags.base64(md5))
                .metadata(metadata), body())).eTag();
        ETags.verify(etag, md5, key);
        filled = 0;
    }

    private void uploadPart() {
        if (uploadId == null) {
            uploadId = retry.call("start " + key, () -> s3.createMultipartUpload(b -> b.bucket(bucket).key(key)
                    .contentType(contentType).metadata(metadata)).uploadId());
        }
        int partNumber = parts.size() + 1;
        byte[] md5 = ETags.md5(buffer, 0, filled);
        String etag = retry.call("part " + partNumber + " of " + key, () -> s3.uploadPart(b -> b.bucket(bucket)
                .key(key).uploadId(uploadId).partNumber(partNumber).contentLength((long) filled)
                .contentMD5(ETags.base64(md5)), body()).eTag());
        ETags.verify(etag, md5, "part " + partNumber + " of " + key);
        partDigests.writeBytes(md5);
        parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
        filled = 0;
    }

    /** A fresh stream over the buffer for each attempt, so a retry sends the same bytes again. */
    private RequestBody body() {
        int length = filled;
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length, contentType);
    }

    private void guarded(Runnable step) throws IOException {
        try {
            step.run();
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
    }

    private void ensureOpen() throws IOException {
        if (finished) {
            throw new IOException("Upload of " + key + " is already closed or aborted");
        }
    }
}
