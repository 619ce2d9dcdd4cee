package io.dataforge.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import io.opentelemetry.context.Context;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The one door to object storage for every capability: streamed writes of unknown length,
 * streamed reads, metadata, listing and presigned downloads. Each S3 call is tried
 * {@code dataforge.s3.attempts} times with pauses that double (background work);
 * {@link #forRequests()} is the same store with fixed pauses, for calls a client waits
 * on.
 */
@Component
public class ObjectStore implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ObjectStore.class);

    private final S3Client s3;

    private final S3Presigner presigner;

    private final StorageProperties props;

    private final StorageRetry retry;

    private final PartBuffers buffers;

    private final ExecutorService uploads;

    private final ObjectStore forRequests;

    @Autowired
    ObjectStore(S3Client s3, S3Presigner presigner, StorageProperties props, PartBuffers buffers) {
        this.s3 = s3;
        this.buffers = buffers;
        this.presigner = presigner;
        this.props = props;
        this.retry = StorageRetry.doubling(props.attempts(), props.retryInterval());
        // parts go up in the trace of the stream that writes them
        this.uploads = Context.taskWrapping(Executors.newCachedThreadPool(partThreads()));
        this.forRequests = new ObjectStore(this, StorageRetry.fixed(props.attempts(), props.retryInterval()));
        if (props.createBucket()) {
            ensureBucket();
        }
    }

    private ObjectStore(ObjectStore store, StorageRetry retry) {
        this.s3 = store.s3;
        this.buffers = store.buffers;
        this.presigner = store.presigner;
        this.props = store.props;
        this.retry = retry;
        this.uploads = store.uploads;
        this.forRequests = this;
    }

    /**
     * This store with fixed pauses between attempts: a client waiting on its request gets
     * its answer in bounded time.
     */
    public ObjectStore forRequests() {
        return forRequests;
    }

    public String bucket() {
        return props.bucket();
    }

    /**
     * An output stream into {@code key}; close completes the object, {@code abort()}
     * drops it.
     */
    public MultipartUploadStream openUpload(String key, String contentType, Map<String, String> metadata) {
        return new MultipartUploadStream(s3, retry, uploads, props.uploadConcurrency(), props.bucket(), key,
                contentType, metadata, buffers, props.encryption());
    }

    /**
     * Copies a stream of any length into {@code key} with bounded memory; returns the
     * bytes stored. An {@link IOException} is the source failing (a client gone, a
     * truncated body); nothing is stored then. The digests, if any, see every byte stored
     * (computed off the caller's thread) and are complete when this returns.
     */
    public long upload(String key, InputStream content, String contentType, Map<String, String> metadata,
            MessageDigest... digests) throws IOException {
        MultipartUploadStream out = openUpload(key, contentType, metadata).digesting(digests);
        try {
            content.transferTo(out);
            out.close();
            return out.size();
        }
        catch (IOException | RuntimeException e) {
            out.abort();
            throw e;
        }
    }

    /** The object's bytes as a stream; the caller closes it. */
    public InputStream open(String key) {
        return retry.call("get " + key, () -> s3.getObject(b -> b.bucket(props.bucket()).key(key)));
    }

    public Optional<StoredObject> head(String key) {
        try {
            var head = retry.call("head " + key, () -> s3.headObject(b -> b.bucket(props.bucket()).key(key)));
            return Optional.of(new StoredObject(key, head.contentLength(), head.contentType(), head.lastModified(),
                    head.metadata()));
        }
        catch (NoSuchKeyException e) {
            return Optional.empty();
        }
        catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public void delete(String key) {
        retry.run("delete " + key, () -> s3.deleteObject(b -> b.bucket(props.bucket()).key(key)));
    }

    /**
     * Deletes up to {@code max} objects under a prefix and aborts its unfinished
     * multipart uploads; returns the objects deleted, 0 once nothing is left. Deleting
     * what is already gone is no error, so a killed caller simply calls again. One DELETE
     * per key: DeleteObjects needs a checksum header S3Proxy and older S3-compatible
     * stores refuse.
     */
    public int deleteUnder(String prefix, int max) {
        abortPendingUploads(prefix);
        List<String> keys;
        try (Stream<String> listed = list(prefix)) {
            keys = listed.limit(max).toList();
        }
        keys.forEach(this::delete);
        return keys.size();
    }

    /**
     * Keys under a prefix, fetched page by page as the stream is consumed. Folder
     * placeholders (empty keys ending in "/", which file-system backed stores and
     * consoles create) are not objects and are left out.
     */
    public Stream<String> list(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(props.bucket()).prefix(prefix))
            .contents()
            .stream()
            .map(S3Object::key)
            .filter(key -> !key.endsWith("/"));
    }

    /** Multipart uploads begun under a prefix and neither completed nor aborted. */
    public long pendingUploads(String prefix) {
        return retry.call("list uploads", () -> s3.listMultipartUploads(b -> b.bucket(props.bucket()).prefix(prefix)))
            .uploads()
            .size();
    }

    /**
     * Aborts every unfinished multipart upload under a prefix (what a killed writer left
     * behind).
     */
    public int abortPendingUploads(String prefix) {
        var uploads = retry.call("list uploads",
                () -> s3.listMultipartUploadsPaginator(b -> b.bucket(props.bucket()).prefix(prefix))
                    .uploads()
                    .stream()
                    .toList());
        for (var upload : uploads) {
            retry.run("abort " + upload.key(), () -> s3
                .abortMultipartUpload(b -> b.bucket(props.bucket()).key(upload.key()).uploadId(upload.uploadId())));
            log.info("Aborted unfinished upload of {}", upload.key());
        }
        return uploads.size();
    }

    public URL presignGet(String key, Duration ttl) {
        return presigner
            .presignGetObject(b -> b.signatureDuration(ttl).getObjectRequest(r -> r.bucket(props.bucket()).key(key)))
            .url();
    }

    public URL presignGet(String key) {
        return presignGet(key, props.presignTtl());
    }

    /**
     * Threads that upload multipart parts in the background (at most upload-concurrency
     * per open upload; how many parts are in memory at once is bounded by
     * {@link PartBuffers}).
     */
    private static CustomizableThreadFactory partThreads() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("s3-part-");
        threads.setDaemon(true);
        return threads;
    }

    @Override
    public void destroy() {
        uploads.shutdown();
    }

    /** HeadBucket: throws when the store cannot be reached or the bucket is missing. */
    public void checkAvailable() {
        s3.headBucket(b -> b.bucket(props.bucket()));
    }

    private void ensureBucket() {
        try {
            retry.run("head bucket", this::checkAvailable);
        }
        catch (NoSuchBucketException e) {
            createBucket();
        }
        catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            createBucket();
        }
    }

    private void createBucket() {
        retry.run("create bucket", () -> s3.createBucket(b -> b.bucket(props.bucket())));
        log.info("Created bucket {}", props.bucket());
    }

}
