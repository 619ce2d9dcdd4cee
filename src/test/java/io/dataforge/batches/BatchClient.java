package io.dataforge.batches;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import io.dataforge.TestHttp;
import io.dataforge.identity.IdentityClient;

/**
 * A site client: token, batch calls, multipart uploads built in memory (small fixtures).
 */
public final class BatchClient {

    public final IdentityClient identity;

    public final Map<String, Object> site;

    public final String accountId;

    public String token;

    public BatchClient(TestHttp http) {
        this(new IdentityClient(http), null);
    }

    private BatchClient(IdentityClient identity, String accountId) {
        this.identity = identity;
        this.accountId = accountId != null ? accountId : identity.createAccount("Batch Co " + UUID.randomUUID());
        this.site = identity.createSite(this.accountId);
        this.token = identity.siteBearer(site);
    }

    /** A new site of an existing account. */
    public static BatchClient forAccount(IdentityClient identity, String accountId) {
        return new BatchClient(identity, accountId);
    }

    /** Another site of the same account. */
    public BatchClient sibling() {
        return new BatchClient(identity, accountId);
    }

    public HttpResponse<String> post(String path) {
        return identity.withBearer("POST", path, token);
    }

    public String start() {
        HttpResponse<String> response = post("/api/v1/batch/start");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (String) TestHttp.json(response).get("batchId");
    }

    public HttpResponse<String> upload(String batchId, Map<String, byte[]> files) {
        String boundary = "----batch" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        files.forEach((name, bytes) -> {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/gzip\r\n\r\n");
            body.writeBytes(bytes);
            write(body, "\r\n");
        });
        write(body, "--" + boundary + "--\r\n");
        return identity.http.send(identity.http.request("/api/v1/batch/" + batchId + "/upload")
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public static byte[] gzipCsv(long seed, int rows) {
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write("id,amount,note\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < rows; i++) {
                gzip.write((i + "," + random.nextInt(100000) + ",\"note, with \"\"quotes\"\"\"\n")
                    .getBytes(StandardCharsets.UTF_8));
            }
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
