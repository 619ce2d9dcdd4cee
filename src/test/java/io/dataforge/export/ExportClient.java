package io.dataforge.export;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.dataforge.TestHttp;
import io.dataforge.identity.IdentityClient;
import io.dataforge.query.QueryClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An API client of an account with the given roles, ordering exports and fetching their
 * files.
 */
public final class ExportClient {

    private static final HttpClient PLAIN = HttpClient.newHttpClient();

    final TestHttp http;

    final String token;

    public ExportClient(IdentityClient identity, String accountId, String... roles) {
        QueryClient client = new QueryClient(identity, accountId, roles);
        this.http = client.http;
        this.token = client.token;
    }

    HttpResponse<String> order(String body) {
        return http.send(http.request("/api/v1/exports")
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body)));
    }

    /** Orders and expects a new job: its id. */
    public String ordered(String body) {
        HttpResponse<String> response = order(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location")).isPresent();
        return (String) TestHttp.json(response).get("jobId");
    }

    HttpResponse<String> call(String method, String path) {
        return http.send(
                http.request(path).header("Authorization", "Bearer " + token).method(method, BodyPublishers.noBody()));
    }

    Map<String, Object> job(String jobId) {
        HttpResponse<String> response = call("GET", "/api/v1/exports/" + jobId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestHttp.json(response);
    }

    public Map<String, Object> awaitState(String jobId, String state) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Object now = job(jobId).get("state");
            assertThat(now).as("job " + jobId).isNotIn(state.equals("Failed") ? "Succeeded" : "Failed");
            return state.equals(now);
        });
        return job(jobId);
    }

    public static byte[] fetch(String url) {
        try {
            HttpResponse<byte[]> response = PLAIN.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(url).isEqualTo(200);
            return response.body();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int status(String url) throws Exception {
        return PLAIN.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode();
    }

}
