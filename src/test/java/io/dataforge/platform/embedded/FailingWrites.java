package io.dataforge.platform.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.jclouds.http.HttpResponse;
import org.jclouds.http.HttpResponseException;
import org.jclouds.io.Payload;

/**
 * The embedded S3 with every write failing: each PutObject and UploadPart answers 503 and
 * is recorded with the time it arrived; reads, listings and the rest of a multipart
 * upload work. The same server keeps listening, so clients keep their pooled connections
 * and every attempt they make arrives here to be counted. Closing it lets writes through
 * again.
 */
public final class FailingWrites implements AutoCloseable {

    private final EmbeddedS3Server server;

    private final List<Write> writes = new CopyOnWriteArrayList<>();

    /** One write that arrived: its key and {@link System#nanoTime()}. */
    public record Write(String key, long nanos) {
    }

    public FailingWrites(Path dataDir) {
        server = (EmbeddedS3Server) EmbeddedServers.of(dataDir).orElseThrow().server("s3").orElseThrow();
        server.interpose(Failing::new);
    }

    /** The writes of keys that contain {@code keyPart}, in the order they arrived. */
    public List<Write> writes(String keyPart) {
        return writes.stream().filter(write -> write.key().contains(keyPart)).toList();
    }

    /** The pauses between those writes, in milliseconds. */
    public List<Long> pausesMillis(String keyPart) {
        List<Write> of = writes(keyPart);
        return java.util.stream.IntStream.range(1, of.size())
            .mapToObj(i -> java.time.Duration.ofNanos(of.get(i).nanos() - of.get(i - 1).nanos()).toMillis())
            .toList();
    }

    @Override
    public void close() {
        server.restore();
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
