package io.dataforge.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import io.dataforge.HeapWatch;
import io.dataforge.IntegrationTest;
import io.dataforge.RandomStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ObjectStoreIT {

    private static final long MB = 1024 * 1024;

    @Autowired
    ObjectStore store;

    @Autowired
    software.amazon.awssdk.services.s3.S3Client s3;

    @Autowired
    software.amazon.awssdk.services.s3.presigner.S3Presigner presigner;

    @Autowired
    StorageProperties props;

    @Test
    void streamOfUnknownLengthGoesUpInPartsWithFlatHeap() throws Exception {
        String key = "it/storage/" + UUID.randomUUID() + "/big.bin";
        RandomStream source = new RandomStream(42, 128 * MB);
        long stored;
        long growth;
        try (HeapWatch heap = new HeapWatch()) {
            stored = store.upload(key, source, "application/octet-stream", Map.of("origin", "it"));
            growth = heap.peakGrowth();
        }

        assertThat(stored).isEqualTo(128 * MB);
        assertThat(growth).as("live heap growth while storing 128 MB").isLessThan(64 * MB);
        StoredObject head = store.head(key).orElseThrow();
        assertThat(head.size()).isEqualTo(128 * MB);
        assertThat(head.metadata()).containsEntry("origin", "it");
        try (InputStream back = store.open(key)) {
            assertThat(RandomStream.sha256Hex(back)).isEqualTo(source.sha256Hex());
        }
    }

    @Test
    void wholeObjectDigestsSeeEveryByteInOrder() throws Exception {
        String key = "it/storage/" + UUID.randomUUID() + "/digested.bin";
        // parts, then a short last one: the digests are fed on the upload threads
        RandomStream source = new RandomStream(11, 3 * props.partSize().toBytes() + 12345);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        store.upload(key, source, "application/octet-stream", Map.of(), md5, sha256);

        assertThat(HexFormat.of().formatHex(sha256.digest())).isEqualTo(source.sha256Hex());
        try (InputStream back = store.open(key)) {
            assertThat(HexFormat.of().formatHex(md5.digest()))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(back.readAllBytes())));
        }
        MessageDigest small = MessageDigest.getInstance("SHA-256");
        store.upload(key + ".small", new java.io.ByteArrayInputStream("hello".getBytes()), "text/plain", Map.of(),
                small);
        assertThat(small.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest("hello".getBytes()));
    }

    @Test
    void smallObjectIsStoredWithOneRequest() throws Exception {
        String key = "it/storage/" + UUID.randomUUID() + "/small.txt";
        store.upload(key, new java.io.ByteArrayInputStream("hello".getBytes()), "text/plain", Map.of());

        try (InputStream back = store.open(key)) {
            assertThat(back.readAllBytes()).isEqualTo("hello".getBytes());
        }
        assertThat(store.head(key).orElseThrow().contentType()).startsWith("text/plain");
    }

    @Test
    void failingSourceLeavesNoObjectAndNoPendingUpload() {
        String prefix = "it/storage/" + UUID.randomUUID() + "/";
        InputStream breaksAfter20Mb = new InputStream() {
            final RandomStream data = new RandomStream(7, 20 * MB);

            @Override
            public int read() throws IOException {
                throw new IOException("client went away");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = data.read(b, off, len);
                if (n < 0) {
                    throw new IOException("client went away");
                }
                return n;
            }
        };

        assertThatThrownBy(() -> store.upload(prefix + "broken.bin", breaksAfter20Mb, null, Map.of()))
            .hasMessageContaining("client went away");

        assertThat(store.head(prefix + "broken.bin")).isEmpty();
        assertThat(store.pendingUploads(prefix)).isZero();
    }

    @Test
    void presignedUrlDownloadsTheObjectWithoutCredentials() throws Exception {
        String key = "it/storage/" + UUID.randomUUID() + "/report.csv";
        store.upload(key, new java.io.ByteArrayInputStream("a,b\n1,2\n".getBytes()), "text/csv", Map.of());

        URI url = store.presignGet(key).toURI();
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("a,b\n1,2\n");
    }

    @Test
    void listingFindsObjectsUnderAPrefix() throws IOException {
        String prefix = "it/storage/" + UUID.randomUUID() + "/";
        for (String name : new String[] { "a", "b", "c" }) {
            store.upload(prefix + name, new java.io.ByteArrayInputStream(name.getBytes()), null, Map.of());
        }

        assertThat(store.list(prefix)).containsExactly(prefix + "a", prefix + "b", prefix + "c");
    }

    @Test
    void uploadsBeyondTheBufferBudgetWaitForABufferAndEveryObjectArrivesExact() throws Exception {
        // two 5 MB buffers for four writers of 30 MB each: at most two fill at once, the
        // others wait their turn
        PartBuffers buffers = new PartBuffers((int) (5 * MB), 2);
        ObjectStore budgeted = new ObjectStore(s3, presigner, props, buffers);
        String prefix = "it/storage/" + UUID.randomUUID() + "/";
        java.util.concurrent.atomic.AtomicInteger mostWaiting = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger mostHeld = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var uploads = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> writers.submit(() -> budgeted.upload(prefix + i, new RandomStream(i, 30 * MB),
                        "application/octet-stream", Map.of())))
                .toList();
            while (uploads.stream().anyMatch(upload -> !upload.isDone())) {
                mostWaiting.accumulateAndGet(buffers.waiting(), Math::max);
                mostHeld.accumulateAndGet(buffers.held(), Math::max);
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
            for (var upload : uploads) {
                assertThat(upload.get()).isEqualTo(30 * MB);
            }
        }
        finally {
            writers.shutdown();
        }

        assertThat(mostWaiting.get()).as("writers that waited for a buffer at once").isPositive();
        assertThat(mostHeld.get()).as("buffers in memory at once").isLessThanOrEqualTo(2);
        assertThat(buffers.available()).as("every buffer came back").isEqualTo(2);
        assertThat(buffers.held()).as("idle: none kept").isZero();
        for (int i = 0; i < 4; i++) {
            try (InputStream back = store.open(prefix + i)) {
                assertThat(RandomStream.sha256Hex(back))
                    .isEqualTo(RandomStream.sha256Hex(new RandomStream(i, 30 * MB)));
            }
        }
    }

}
