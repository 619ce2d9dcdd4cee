package io.dataforge.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dataforge.HeapWatch;
import io.dataforge.IntegrationTest;
import io.dataforge.RandomStream;
import io.dataforge.TestHttp;
import io.dataforge.platform.embedded.EmbeddedServer;
import io.dataforge.platform.embedded.EmbeddedServers;
import org.junit.jupiter.api.Test;

/**
 * Large request bodies pass a REST DSL route on platform-http byte for byte into S3,
 * without growing the heap with their size and without any temporary file; answers come
 * back whole, with their length when small.
 */
@IntegrationTest
class HttpBodyStreamingIT extends WebRoutesTestBase {

    private static final long MB = 1024 * 1024;

    @Test
    void binaryBodyOfUnknownLengthReachesS3ByteForByte() throws Exception {
        String key = UUID.randomUUID().toString();
        RandomStream body = new RandomStream(11, 128 * MB);
        Instant start = Instant.now();
        HttpResponse<String> response;
        long growth;
        try (HeapWatch heap = new HeapWatch()) {
            response = http.send(http.asAdmin("/api/v1/test/raw/" + key)
                .header("Content-Type", "application/gzip")
                .POST(BodyPublishers.ofInputStream(() -> body)));
            growth = heap.peakGrowth();
        }

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(TestHttp.json(response)).containsEntry("size", (int) (128 * MB));
        assertThat(growth).as("live heap growth while streaming 128 MB").isLessThan(64 * MB);
        assertThat(filesWrittenSince(start)).as("temporary files").isEmpty();
        try (InputStream stored = store.open("it/http/" + key)) {
            assertThat(RandomStream.sha256Hex(stored)).isEqualTo(body.sha256Hex());
        }
    }

    @Test
    void multipartPartsReachS3ByteForByte() throws Exception {
        String key = UUID.randomUUID().toString();
        String boundary = "----dataforge" + UUID.randomUUID();
        RandomStream first = new RandomStream(21, 60 * MB);
        RandomStream second = new RandomStream(22, 40 * MB + 123);
        InputStream body = concat(
                text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nnightly drop\r\n"),
                text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.csv.gz\"\r\n"
                        + "Content-Type: application/gzip\r\n\r\n"),
                first,
                text("\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"b.csv.gz\"\r\n"
                        + "Content-Type: application/gzip\r\n\r\n"),
                second, text("\r\n--" + boundary + "--\r\n"));
        Instant start = Instant.now();
        HttpResponse<String> response;
        long growth;
        try (HeapWatch heap = new HeapWatch()) {
            response = http.send(http.asAdmin("/api/v1/test/multipart/" + key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.ofInputStream(() -> body)));
            growth = heap.peakGrowth();
        }

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"value\":\"nightly drop\"")
            .contains("\"size\":" + 60 * MB)
            .contains("\"size\":" + (40 * MB + 123));
        assertThat(growth).as("live heap growth while streaming 100 MB of parts").isLessThan(64 * MB);
        assertThat(filesWrittenSince(start)).as("temporary files").isEmpty();
        try (InputStream a = store.open("it/http/" + key + "/a.csv.gz");
                InputStream b = store.open("it/http/" + key + "/b.csv.gz")) {
            assertThat(RandomStream.sha256Hex(a)).isEqualTo(first.sha256Hex());
            assertThat(RandomStream.sha256Hex(b)).isEqualTo(second.sha256Hex());
        }
    }

    @Test
    void aSmallAnswerLeavesWholeWithItsLengthAndALargeOneStreamsInChunks() throws Exception {
        HttpResponse<byte[]> small = bytes(20_000);
        HttpResponse<byte[]> large = bytes(5 * MB);

        assertThat(small.headers().firstValue("Content-Length")).hasValue("20000");
        assertThat(small.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(large.headers().firstValue("Content-Length")).isEmpty();
        assertThat(large.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
    }

    /**
     * {@code GET /api/v1/test/bytes/{size}}, checked to be 200 with the route's bytes,
     * every one.
     */
    private HttpResponse<byte[]> bytes(long size) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
            .send(http.asAdmin("/api/v1/test/bytes/" + size).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        RandomStream expected = new RandomStream(5, size);
        expected.transferTo(OutputStream.nullOutputStream());
        assertThat(RandomStream.sha256Hex(new ByteArrayInputStream(response.body()))).as("bytes of " + size)
            .isEqualTo(expected.sha256Hex());
        return response;
    }

    @Test
    void truncatedMultipartBodyIsAClientError() {
        String boundary = "b" + UUID.randomUUID();
        HttpResponse<String> response = http.send(http.asAdmin("/api/v1/test/multipart/" + UUID.randomUUID())
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\";"
                    + " filename=\"x.gz\"\r\n\r\nhalf a file and no closing boundary")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response)).containsEntry("status", 400).containsKey("message");
    }

    @Test
    void streamedEndpointRefusesANonStreamedContentType() {
        HttpResponse<String> response = http.send(http.asAdmin("/api/v1/test/raw/" + UUID.randomUUID())
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(TestHttp.json(response)).containsEntry("status", 415)
            .containsEntry("error", "Unsupported Media Type");
    }

    @Test
    void storageOutageAnswers503AndLeavesNoObject() throws Exception {
        String key = UUID.randomUUID().toString();
        EmbeddedServer s3 = EmbeddedServers.of(Path.of(IntegrationTest.DATA_DIR))
            .orElseThrow()
            .server("s3")
            .orElseThrow();
        HttpResponse<String> response;
        s3.stop();
        try {
            response = http.send(http.asAdmin("/api/v1/test/raw/" + key)
                .header("Content-Type", "application/octet-stream")
                // under one part: the failure comes once the whole body is read, so the
                // answer is not raced by
                // a client still sending (an early answer to a chunked upload may be lost
                // to a reset)
                .POST(BodyPublishers.ofInputStream(() -> new RandomStream(5, MB))));
        }
        finally {
            s3.start();
        }

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(TestHttp.json(response)).containsEntry("status", 503)
            .containsKeys("timestamp", "error", "message", "path");
        assertThat(store.head("it/http/" + key)).isEmpty();
        assertThat(store.pendingUploads("it/http/" + key)).isZero();
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream concat(InputStream... parts) {
        return new SequenceInputStream(Collections.enumeration(List.of(parts)));
    }

    /**
     * Regular files under java.io.tmpdir modified since {@code start} (JVM perf-data
     * files aside).
     */
    static List<Path> filesWrittenSince(Instant start) throws IOException {
        List<Path> written = new java.util.ArrayList<>();
        Files.walkFileTree(Path.of(System.getProperty("java.io.tmpdir")), new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file,
                    java.nio.file.attribute.BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && attrs.lastModifiedTime().toInstant().isAfter(start)
                        && !file.toString().contains("hsperfdata_")) {
                    written.add(file);
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        return written;
    }

}
