package io.dataforge.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import io.dataforge.TestHttp;
import io.dataforge.identity.IdentityClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client app of one fresh account with a LOADER token: datasets, multipart uploads
 * built in memory, polling.
 */
public final class UploadClient {

    public final IdentityClient identity;

    public final String accountId;

    public final String token;

    public UploadClient(TestHttp http) {
        this(new IdentityClient(http), null);
    }

    /** A new API client (LOADER, VIEWER) of an account, a new one when null. */
    public UploadClient(IdentityClient identity, String accountId) {
        TestHttp http = identity.http;
        this.identity = identity;
        this.accountId = accountId != null ? accountId : identity.createAccount("Loader Co " + UUID.randomUUID());
        Map<String, Object> client = TestHttp.json(identity.adminPost("/admin/accounts/" + this.accountId + "/clients",
                "{\"name\":\"loader\",\"roles\":[\"LOADER\",\"VIEWER\"]}"));
        HttpResponse<String> issued = http.send(http.request("/api/v1/auth/token")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString("grant_type=client_credentials&client_id=" + client.get("clientId")
                    + "&client_secret=" + client.get("clientSecret"))));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        this.token = (String) TestHttp.json(issued).get("access_token");
    }

    private UploadClient(IdentityClient identity, String accountId, String token) {
        this.identity = identity;
        this.accountId = accountId;
        this.token = token;
    }

    /** The same client, account and token, talking to another instance. */
    public UploadClient on(TestHttp other) {
        return new UploadClient(new IdentityClient(other), accountId, token);
    }

    /**
     * Creates a dataset (unique name) from a JSON declaration without its name; returns
     * the name.
     */
    public String dataset(String declaration) {
        String name = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        HttpResponse<String> put = identity.http.send(identity.http.asAdmin("/admin/datasets/" + name)
            .header("Content-Type", "application/json")
            .PUT(BodyPublishers.ofString(declaration)));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        return name;
    }

    public HttpResponse<String> upload(String fileName, String contentType, byte[] file, Map<String, String> fields) {
        String boundary = "----it" + UUID.randomUUID();
        return send(boundary, BodyPublishers.ofByteArray(multipart(boundary, fileName, contentType, file, fields)));
    }

    /**
     * The same request, its body sent in {@code chunks} parts with {@code pause} between
     * them: an upload still streaming while the test does something else.
     */
    public HttpResponse<String> uploadPaced(String fileName, byte[] file, Map<String, String> fields, int chunks,
            Duration pause, java.util.concurrent.atomic.AtomicInteger partsSent) {
        String boundary = "----it" + UUID.randomUUID();
        byte[] body = multipart(boundary, fileName, "text/csv", file, fields);
        return send(boundary, BodyPublishers.ofInputStream(() -> new PacedStream(body, chunks, pause, partsSent)));
    }

    private HttpResponse<String> send(String boundary, HttpRequest.BodyPublisher body) {
        return identity.http.send(identity.http.request("/api/v1/uploads")
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(body));
    }

    private static byte[] multipart(String boundary, String fileName, String contentType, byte[] file,
            Map<String, String> fields) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        if (file != null) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
            body.writeBytes(file);
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return body.toByteArray();
    }

    /** Bytes in equal parts, a pause before each part after the first. */
    private static final class PacedStream extends java.io.InputStream {

        private final byte[] bytes;

        private final int part;

        private final Duration pause;

        private final java.util.concurrent.atomic.AtomicInteger partsSent;

        private int position;

        PacedStream(byte[] bytes, int chunks, Duration pause, java.util.concurrent.atomic.AtomicInteger partsSent) {
            this.bytes = bytes;
            this.part = Math.max(1, (bytes.length + chunks - 1) / chunks);
            this.pause = pause;
            this.partsSent = partsSent;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position >= bytes.length) {
                return -1;
            }
            if (position > 0 && position % part == 0) {
                try {
                    Thread.sleep(pause.toMillis());
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int count = Math.min(length, Math.min(part - position % part, bytes.length - position));
            System.arraycopy(bytes, position, target, offset, count);
            position += count;
            if (position % part == 0 || position == bytes.length) {
                partsSent.incrementAndGet();
            }
            return count;
        }

    }

    public HttpResponse<String> uploadCsv(String dataset, String csv) {
        return upload("data.csv.gz", "application/gzip", gzip(csv), fields(dataset));
    }

    public HttpResponse<String> get(String path) {
        return identity.withBearer("GET", path, token);
    }

    HttpResponse<String> post(String path) {
        return identity.withBearer("POST", path, token);
    }

    /** Polls the upload until it is completed or failed; returns its final view. */
    public Map<String, Object> awaitFinished(String uploadId) {
        Map<String, Object>[] last = new Map[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = TestHttp.json(get("/api/v1/uploads/" + uploadId));
            return "completed".equals(last[0].get("status")) || "failed".equals(last[0].get("status"));
        });
        return last[0];
    }

    public static Map<String, String> fields(String dataset) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("dataset", dataset);
        return fields;
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

}
