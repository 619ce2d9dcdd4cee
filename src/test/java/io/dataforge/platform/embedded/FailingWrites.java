package io.dataforge.platform.embedded;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import io.dataforge.platform.storage.ObjectStore;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.jclouds.http.HttpResponse;
import org.jclouds.http.HttpResponseException;
import org.jclouds.io.Payload;

/**
 * A store whose every write fails, where the embedded S3 listened and over the same
 * folder: each PutObject and UploadPart answers 503 and is recorded with the time it
 * arrived; reads, listings and the rest of a multipart upload work. Closing it restores
 * the original server on its port.
 */
public final class FailingWrites implements AutoCloseable {

    private final EmbeddedServer original;

    private final BlobStoreContext context;

    private final S3Proxy proxy;

    private final List<Write> writes = new CopyOnWriteArrayList<>();

    /** One write that arrived: its key and {@link System#nanoTime()}. */
    public record Write(String key, long nanos) {
    }

    public FailingWrites(Path dataDir) throws Exception {
        original = EmbeddedServers.of(dataDir).orElseThrow().server("s3").orElseThrow();
        original.stop();
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", dataDir.resolve("s3").toAbsolutePath().toString());
        context = ContextBuilder.newBuilder("filesystem").overrides(properties).buildView(BlobStoreContext.class);
        proxy = S3Proxy.builder()
            .blobStore(new Failing(context.getBlobStore()))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "dataforge", "dataforge-secret")
            .endpoint(URI.create("http://127.0.0.1:" + original.port()))
            .build();
        proxy.start();
        await().atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(10))
            .until(() -> "STARTED".equals(proxy.getState()));
    }

    /**
     * Waits until {@code store}'s client reaches this server. Its pooled connections to
     * the stopped one are dead, and the first call on one fails before it arrives here:
     * an attempt the test could not count.
     */
    public FailingWrites reachedThrough(ObjectStore store) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).ignoreExceptions().until(() -> {
            store.checkAvailable();
            return true;
        });
        return this;
    }

    /** The writes of keys that contain {@code keyPart}, in the order they arrived. */
    public List<Write> writes(String keyPart) {
        return writes.stream().filter(write -> write.key().contains(keyPart)).toList();
    }

    /** The pauses between those writes, in milliseconds. */
    public List<Long> pausesMillis(String keyPart) {
        List<Write> of = writes(keyPart);
        return java.util.stream.IntStream.range(1, of.size())
            .mapToObj(i -> Duration.ofNanos(of.get(i).nanos() - of.get(i - 1).nanos()).toMillis())
            .toList();
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
        original.start();
    }

    private final class Failing extends ForwardingBlobStore {

        Failing(BlobStore store) {
            super(store);
        }

        @Override
        public String putBlob(String container, Blob blob) {
            throw refused(blob.getMetadata().getName());
        }

        @Override
        public String putBlob(String container, Blob blob, PutOptions options) {
            throw refused(blob.getMetadata().getName());
        }

        @Override
        public MultipartPart uploadMultipartPart(MultipartUpload upload, int partNumber, Payload payload) {
            throw refused(upload.blobName());
        }

        /**
         * S3Proxy answers with the status of a jclouds HttpResponseException (others
         * become 400 or 501).
         */
        private HttpResponseException refused(String key) {
            writes.add(new Write(key, System.nanoTime()));
            return new HttpResponseException("the disk under the store failed", null,
                    HttpResponse.builder().statusCode(503).message("Service Unavailable").build());
        }

    }

}
