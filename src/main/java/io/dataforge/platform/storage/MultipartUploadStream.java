package io.dataforge.platform.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * An {@link OutputStream} into one S3 object of unknown length. Bytes collect in a buffer
 * of the part size, taken from the process-wide {@link PartBuffers} at the first byte (so
 * a writer waits there when the budget is spent); each full buffer becomes a multipart
 * part uploaded in the background while the next one fills, with at most
 * {@code maxInFlight} parts on the way (the writer waits for the oldest beyond that), so
 * one upload holds at most {@code maxInFlight + 1} buffers whatever the object's size,
 * and every buffer goes back to the budget as soon as its part is stored. Each part is
 * retried from its buffer. An object smaller than one part is a single PUT. Any failure,
 * or {@link #abort()}, aborts the multipart upload so that nothing half-written remains.
 * <p>
 * Integrity: every request carries the MD5 of its bytes ({@code Content-MD5}, so the
 * store refuses a corrupted transfer), and the ETags the store answers with are checked
 * against the MD5s sent: for each part, for a single PUT, and for the completed object
 * (MD5 of the parts' MD5s, "-", part count), except under SSE-KMS, where ETags are no
 * MD5s.
 * <p>
 * Server-side encryption ({@link AtRestEncryption}) is asked for on the single PUT and on
 * CreateMultipartUpload, never on the parts.
 * <p>
 * Digests of the whole object ({@link #digesting}) are fed each buffer in order on the
 * upload threads, so the writer's thread only copies bytes; a buffer goes back to the
 * budget once it is both stored and digested.
 */
public final class MultipartUploadStream extends OutputStream {

    private final S3Client s3;

    private final StorageRetry retry;

    private final Executor uploads;

    private final int maxInFlight;

    private final String bucket;

    private final String key;

    private final String contentType;

    private final Map<String, String> metadata;

    private final PartBuffers buffers;

    private final AtRestEncryption encryption;

    private final Deque<CompletableFuture<PartResult>> inFlight = new ArrayDeque<>();

    private final List<CompletedPart> parts = new ArrayList<>();

    private final ByteArrayOutputStream partDigests = new ByteArrayOutputStream();

    private MessageDigest[] digests = new MessageDigest[0];

    /** The last buffer's digest step: each waits for the one before. */
    private CompletableFuture<Void> digested = CompletableFuture.completedFuture(null);

    private byte[] buffer;

    private int filled;

    private int submitted;

    private long size;

    private String uploadId;

    private boolean finished;

    MultipartUploadStream(S3Client s3, StorageRetry retry, Executor uploads, int maxInFlight, String bucket, String key,
            String contentType, Map<String, String> metadata, PartBuffers buffers, AtRestEncryption encryption) {
        this.s3 = s3;
        this.retry = retry;
        this.uploads = uploads;
        this.maxInFlight = maxInFlight;
        this.bucket = bucket;
        this.key = key;
        this.contentType = contentType != null ? contentType : "application/octet-stream";
        this.metadata = Map.copyOf(metadata);
        this.buffers = buffers;
        this.encryption = encryption;
    }

    /**
     * Digests of every byte written, computed in order off the writer's thread; they are
     * complete once {@link #close()} returns.
     */
    public MultipartUploadStream digesting(MessageDigest... digests) {
        if (size > 0) {
            throw new IllegalStateException("Digests must be set before the first byte");
        }
        this.digests = digests.clone();
        return this;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] { (byte) b }, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ensureOpen();
        while (length > 0) {
            if (buffer == null) {
                buffer = buffers.take();
            }
            int n = Math.min(length, buffer.length - filled);
            System.arraycopy(bytes, offset, buffer, filled, n);
            filled += n;
            size += n;
            offset += n;
            length -= n;
            if (filled == buffer.length) {
                guarded(this::submitPart);
            }
        }
    }

    /** Uploads what is left, waits for every part and completes the object. */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        guarded(() -> {
            if (uploadId == null) {
                if (filled > 0) {
                    digest(buffer, filled).join();
                }
                putSingle();
            }
            else {
                if (filled > 0) {
                    submitPart();
                }
                while (!inFlight.isEmpty()) {
                    collectOldest();
                }
                digested.join();
                release();
                String etag = retry
                    .call("complete " + key, () -> s3.completeMultipartUpload(
                            b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts))))
                    .eTag();
                encryption.verifyMultipart(etag, ETags.md5(partDigests.toByteArray(), 0, partDigests.size()),
                        parts.size(), key);
            }
        });
        finished = true;
    }

    /**
     * Gives up on the object: parts on the way are waited for, the multipart upload
     * aborted, nothing stored.
     */
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        release();
        inFlight.forEach(part -> part.exceptionally(e -> null).join());
        inFlight.clear();
        digested.exceptionally(e -> null).join();
        if (uploadId != null) {
            try {
                retry.run("abort " + key,
                        () -> s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)));
            }
            catch (RuntimeException e) {
                // a leftover upload is reclaimed by the bucket's lifecycle rule; the
                // caller's error matters more
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
        byte[] bytes = buffer != null ? buffer : new byte[0];
        byte[] md5 = ETags.md5(bytes, 0, filled);
        String etag = retry.call("put " + key,
                () -> s3.putObject(b -> encryption.applyTo(b.bucket(bucket)
                    .key(key)
                    .contentType(contentType)
                    .contentLength((long) filled)
                    .contentMD5(ETags.base64(md5))
                    .metadata(metadata)), body(bytes, filled)))
            .eTag();
        encryption.verify(etag, md5, key);
        filled = 0;
        release();
    }

    /** The buffer being filled goes back to the budget. */
    private void release() {
        if (buffer != null) {
            buffers.give(buffer);
            buffer = null;
        }
    }

    private void submitPart() {
        if (uploadId == null) {
            uploadId = retry.call("start " + key, () -> s3
                .createMultipartUpload(
                        b -> encryption.applyTo(b.bucket(bucket).key(key).contentType(contentType).metadata(metadata)))
                .uploadId());
        }
        int partNumber = ++submitted;
        byte[] bytes = buffer;
        int length = filled;
        buffer = null;
        filled = 0;
        CompletableFuture<Void> digest = digest(bytes, length);
        CompletableFuture<PartResult> stored = CompletableFuture
            .supplyAsync(() -> uploadPart(partNumber, bytes, length), uploads);
        CompletableFuture.allOf(stored, digest).whenComplete((none, failure) -> buffers.give(bytes));
        inFlight.add(stored.thenCombine(digest, (result, none) -> result));
        while (inFlight.size() > maxInFlight || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
            collectOldest();
        }
    }

    /** The next step of the whole-object digests, after the previous buffer's. */
    private CompletableFuture<Void> digest(byte[] bytes, int length) {
        if (digests.length == 0) {
            return digested;
        }
        digested = digested.thenRunAsync(() -> {
            for (MessageDigest digest : digests) {
                digest.update(bytes, 0, length);
            }
        }, uploads);
        return digested;
    }

    private PartResult uploadPart(int partNumber, byte[] bytes, int length) {
        byte[] md5 = ETags.md5(bytes, 0, length);
        String etag = retry
            .call("part " + partNumber + " of " + key,
                    () -> s3.uploadPart(b -> b.bucket(bucket)
                        .key(key)
                        .uploadId(uploadId)
                        .partNumber(partNumber)
                        .contentLength((long) length)
                        .contentMD5(ETags.base64(md5)), body(bytes, length)).eTag());
        encryption.verify(etag, md5, "part " + partNumber + " of " + key);
        return new PartResult(CompletedPart.builder().partNumber(partNumber).eTag(etag).build(), md5);
    }

    /** Parts are collected oldest first, so they are recorded in part-number order. */
    private void collectOldest() {
        try {
            PartResult result = inFlight.poll().join();
            parts.add(result.part());
            partDigests.writeBytes(result.md5());
        }
        catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * A fresh stream over the buffer for each attempt, so a retry sends the same bytes
     * again.
     */
    private RequestBody body(byte[] bytes, int length) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length, contentType);
    }

    private void guarded(Runnable step) throws IOException {
        try {
            step.run();
        }
        catch (RuntimeException e) {
            abort();
            throw e;
        }
    }

    private void ensureOpen() throws IOException {
        if (finished) {
            throw new IOException("Upload of " + key + " is already closed or aborted");
        }
    }

    private record PartResult(CompletedPart part, byte[] md5) {
    }

}
