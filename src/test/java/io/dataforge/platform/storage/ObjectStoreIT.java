package io.dataforge.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    @Test
    void streamOfUnknownLengthGoesUpInPartsWithFlatHeap() throws Exception {
        String key = "it/storage/" + UUID.randomUUID() + "/big.bin";
        RandomStream source = new RandomStream(42, 200 * MB);
        long stored;
        long growth;
        try (HeapWatch heap = new HeapWatch()) {
            stored = store.upload(key, source, "application/octet-stream", Map.of("origin", "it"));
            growth = heap.peakGrowth();
        }

        assertThat(stored).isEqualTo(200 * MB);
        assertThat(growth).as("live heap growth while storing 200 MB").isLessThan(64 * MB);
        StoredObject head = store.head(key).orElseThrow();
        assertThat(head.size()).isEqualTo(200 * MB);
        assertThat(head.metadata()).containsEntry("origin", "it");
        try (InputStream back = store.open(key)) {
            assertThat(RandomStream.sha256Hex(back)).isEqualTo(source.sha256Hex());
        }
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
        for (String name : new String[] {"a", "b", "c"}) {
            store.upload(prefix + name, new java.io.ByteArrayInputStream(name.getBytes()), null, Map.of());
        }

        assertThat(store.list(prefix)).containsExactly(prefix + "a", prefix + "b", prefix + "c");
    }
}
