package io.dataforge;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A plain HTTP client against the running application, as a user's client would call it.
 */
public final class TestHttp {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client;

    private final String origin;

    public TestHttp(int port) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), "http://127.0.0.1:" + port);
    }

    /**
     * Through the given client, to {@code origin} (scheme, host and port), e.g. over TLS.
     */
    public TestHttp(HttpClient client, String origin) {
        this.client = client;
        this.origin = origin;
    }

    public URI uri(String path) {
        return URI.create(origin + path);
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(5));
    }

    public HttpRequest.Builder asAdmin(String path) {
        String basic = Base64.getEncoder()
            .encodeToString(("admin:" + IntegrationTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return request(path).header("Authorization", "Basic " + basic);
    }

    /**
     * Sends the request; an exchange with the API must be as the API document says
     * ({@link ApiContract}).
     */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        HttpResponse<String> response = sendOffContract(built);
        ApiContract.check(built, response);
        return response;
    }

    /**
     * For a request a test makes outside the API document on purpose (a parameter the API
     * does not have, to show it is ignored).
     */
    public HttpResponse<String> sendOffContract(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public static Map<String, Object> json(HttpResponse<String> response) {
        return json(response.body());
    }

    /** A JSON array of objects. */
    public static java.util.List<Map<String, Object>> jsonList(HttpResponse<String> response) {
        try {
            return MAPPER.readValue(response.body(), new TypeReference<>() {
            });
        }
        catch (IOException e) {
            throw new AssertionError("Not a JSON array: " + response.body(), e);
        }
    }

    public static Map<String, Object> json(String body) {
        try {
            return MAPPER.readValue(body, new TypeReference<>() {
            });
        }
        catch (IOException e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

}
