package io.dataforge.platform.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import io.dataforge.RandomStream;
import io.dataforge.IntegrationTest;
import io.dataforge.RecordingHttpProxy.Request;
import io.dataforge.StorageRecorder;
import io.dataforge.TestHttp;
import io.dataforge.batches.BatchClient;
import io.dataforge.export.ExportClient;
import io.dataforge.export.ExportFixture;
import io.dataforge.identity.IdentityClient;
import io.dataforge.load.UploadClient;
import io.dataforge.watch.WatchFixture;
import io.dataforge.watch.WatchProperties;
import io.dataforge.watch.parquet.ParquetReadBack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Every kind of object the application writes asks the store for server-side encryption
 * as configured ({@code AES256} in the shared IT context), as seen on the wire by
 * {@link StorageRecorder}: the PUT of a small object or the POST that starts a multipart
 * upload carries {@code x-amz-server-side-encryption}; the parts do not. The embedded
 * store ignores the header, so each object also reads back as written.
 */
@IntegrationTest
class ServerSideEncryptionIT {

    private static final long MB = 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    ObjectStore store;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WatchProperties watchProps;

    @Autowired
    S3Client s3;

    @Autowired
    S3Presigner presigner;

    @Autowired
    StorageProperties props;

    @Autowired
    PartBuffers buffers;

    @Test
    void batchFilesAskForEncryption() throws IOException {
        BatchClient site = new BatchClient(new TestHttp(port));
        byte[] sales = BatchClient.gzipCsv(3, 50);

        HttpResponse<String> response = site.upload(site.start(), Map.of("sales.csv.gz", sales));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Request> writes = objectWrites(key -> key.startsWith(site.accountId + "/"));
        assertEncrypted(writes, "AES256");
        String key = key(writes.get(0));
        assertThat(key).endsWith("/sales.csv.gz");
        assertThat(read(key)).isEqualTo(sales);
    }

    @Test
    void stagedCsvUploadsAskForEncryption() {
        UploadClient client = new UploadClient(new TestHttp(port));
        String dataset = client.dataset("""
                {"columns": [{"name": "id", "type": "bigint", "required": true}, {"name": "note", "type": "text"}]}""");

        HttpResponse<String> accepted = client.upload("notes.csv", "text/csv",
                "id,note\n1,one\n2,two\n".getBytes(UTF_8), UploadClient.fields(dataset));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String uploadId = (String) TestHttp.json(accepted).get("uploadId");
        assertThat(client.awaitFinished(uploadId)).containsEntry("status", "completed");
        List<Request> writes = objectWrites(key -> key.contains("/" + uploadId + "/"));
        assertEncrypted(writes, "AES256");
        // the staged object is gone once loaded: the loader read it back
        assertThat(jdbc.queryForList("SELECT note FROM datasets." + dataset + " ORDER BY id", String.class))
            .containsExactly("one", "two");
    }

    @Test
    void watchedFolderOutputAsksForEncryption() throws IOException {
        WatchFixture watch = new WatchFixture(watchProps, jdbc, store);
        String folder = WatchFixture.folder("sse");
        byte[] notes = "plain text, stored as it is\n".getBytes(UTF_8);
        watch.drop(folder + "/notes.txt", notes);
        watch.drop(folder + "/sales.csv", "id,amount\n1,2.50\n2,3.75\n".getBytes(UTF_8));

        watch.awaitStatus(folder + "/notes.txt", "completed");
        watch.awaitStatus(folder + "/sales.csv", "completed");

        List<Request> writes = objectWrites(key -> key.contains(folder + "/"));
        assertEncrypted(writes, "AES256");
        assertThat(writes).extracting(ServerSideEncryptionIT::key)
            .anyMatch(key -> key.endsWith(folder + "/notes.txt"))
            .anyMatch(key -> key.endsWith(folder + "/sales.parquet"))
            .anyMatch(key -> key.endsWith(folder + "/notes.txt.json")); // completion
                                                                        // marker
        assertThat(watch.object(folder + "/notes.txt")).isEqualTo(notes);
        assertThat(ParquetReadBack.readAll(watch.object(folder + "/sales.parquet"))).hasSize(2);
    }

    @Test
    void exportsAskForEncryption() throws IOException {
        ExportFixture fixture = new ExportFixture(new IdentityClient(new TestHttp(port)), jdbc, 3);
        ExportClient exporter = new ExportClient(fixture.identity, fixture.tenant, "EXPORTER");

        String jobId = exporter.ordered(fixture.order("csv"));
        Map<String, Object> done = exporter.awaitState(jobId, "Succeeded");

        List<Request> writes = objectWrites(key -> key.contains("/" + jobId + "/"));
        assertEncrypted(writes, "AES256");
        byte[] downloaded = ExportClient.fetch((String) done.get("downloadUrl"));
        assertThat(new String(downloaded, UTF_8)).contains("id,name,amount,day,email", "***");
        assertThat(read(key(writes.get(0)))).isEqualTo(downloaded);
    }

    @Test
    void kmsAsksForItsKeyOnTheUploadsStartAndNotOnItsParts() throws IOException {
        ObjectStore kms = new ObjectStore(s3, presigner, encrypted(props, "aws:kms", "alias/dataforge-it"), buffers);
        String prefix = "it/sse/" + UUID.randomUUID() + "/";
        RandomStream twoParts = new RandomStream(5, 5 * MB + 1);

        kms.upload(prefix + "small.txt", new ByteArrayInputStream("small".getBytes(UTF_8)), "text/plain", Map.of());
        kms.upload(prefix + "big.bin", twoParts, null, Map.of());

        List<Request> writes = objectWrites(key -> key.startsWith(prefix));
        assertThat(writes).extracting(Request::method).containsExactlyInAnyOrder("PUT", "POST");
        assertEncrypted(writes, "aws:kms");
        assertThat(writes).allSatisfy(write -> assertThat(write.header("x-amz-server-side-encryption-aws-kms-key-id"))
            .isEqualTo("alias/dataforge-it"));
        List<Request> parts = StorageRecorder.requests()
            .stream()
            .filter(request -> keyMatches(request, key -> key.startsWith(prefix))
                    && request.query().contains("partNumber="))
            .toList();
        assertThat(parts).hasSize(2)
            .allSatisfy(part -> assertThat(part.header("x-amz-server-side-encryption")).isNull());
        try (InputStream back = store.open(prefix + "big.bin")) {
            assertThat(RandomStream.sha256Hex(back)).isEqualTo(twoParts.sha256Hex());
        }
        kms.destroy();
    }

    /**
     * The requests recorded so far that create an object whose key matches: a PUT that is
     * no multipart part, or the POST that starts a multipart upload.
     */
    private List<Request> objectWrites(Predicate<String> keys) {
        return StorageRecorder.requests()
            .stream()
            .filter(request -> keyMatches(request, keys))
            .filter(request -> "PUT".equals(request.method()) && !request.query().contains("partNumber=")
                    || "POST".equals(request.method()) && request.query().matches("(.*&)?uploads(=[^&]*)?(&.*)?"))
            .toList();
    }

    private static void assertEncrypted(List<Request> writes, String algorithm) {
        assertThat(writes).as("object writes recorded").isNotEmpty();
        assertThat(writes).allSatisfy(write -> assertThat(write.header("x-amz-server-side-encryption"))
            .as(write.method() + " " + write.target())
            .isEqualTo(algorithm));
    }

    private static boolean keyMatches(Request request, Predicate<String> keys) {
        String key = key(request);
        return key != null && keys.test(key);
    }

    /** The object key of a path-style request, null for a bucket-level one. */
    private static String key(Request request) {
        String path = request.path();
        int slash = path.indexOf('/', 1);
        return slash < 0 ? null : path.substring(slash + 1);
    }

    private byte[] read(String key) throws IOException {
        try (InputStream in = store.open(key)) {
            return in.readAllBytes();
        }
    }

    private static StorageProperties encrypted(StorageProperties p, String algorithm, String kmsKeyId) {
        return new StorageProperties(p.endpoint(), p.region(), p.bucket(), p.accessKey(), p.secretKey(), p.pathStyle(),
                p.checksumWhenRequired(), p.signPayloads(), p.createBucket(), p.partSize(), p.uploadConcurrency(),
                p.partBuffers(), p.attempts(), p.retryInterval(), p.presignTtl(), algorithm, kmsKeyId);
    }

}
