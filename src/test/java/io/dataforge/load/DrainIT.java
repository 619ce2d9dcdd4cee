package io.dataforge.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicInteger;

import io.dataforge.IntegrationTest;
import io.dataforge.SharedWorker;
import io.dataforge.TestHttp;
import io.dataforge.WorkerProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM, as Kubernetes stops a pod during a rolling update or a scale-in, while a
 * client is still streaming an upload to it: the port takes no new request, the upload in
 * flight finishes with its 202, the process ends by itself, and the file loads once a
 * replica takes the queue again. The instance is the {@link SharedWorker}.
 */
@IntegrationTest
class DrainIT {

    private static final int ROWS = 20_000;

    @Autowired
    Environment env;

    @Test
    void theUploadInFlightFinishesNoNewRequestIsTakenAndTheFileLoadsAfter() throws Exception {
        WorkerProcess worker = SharedWorker.get(env).process;
        UploadClient client = new UploadClient(worker.http());
        String dataset = client.dataset(GeneratedCsv.DATASET);
        byte[] csv;
        try (GeneratedCsv generated = new GeneratedCsv(ROWS)) {
            csv = generated.readAllBytes();
        }
        // about 3 s of streaming; SIGTERM once a fifth of it is sent
        AtomicInteger partsSent = new AtomicInteger();
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> client
            .uploadPaced("paced.csv", csv, UploadClient.fields(dataset), 20, Duration.ofMillis(150), partsSent));
        await().atMost(Duration.ofSeconds(30)).until(() -> partsSent.get() >= 4);

        worker.terminate();

        await().atMost(Duration.ofSeconds(10))
            .alias("the draining instance takes no new request")
            .until(() -> !takes(worker.http().uri("/api/v1/auth/token")));
        assertThat(inFlight).as("the upload was still streaming when the drain began").isNotDone();
        HttpResponse<String> accepted = inFlight.get(60, TimeUnit.SECONDS);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(worker.awaitExit(Duration.ofSeconds(60))).as("exit code after SIGTERM").isIn(0, 143);

        worker.start();
        Map<String, Object> done = client.awaitFinished((String) TestHttp.json(accepted).get("uploadId"));
        assertThat(done).containsEntry("status", "completed").containsEntry("createdRows", ROWS);
    }

    /** Whether a new request gets an answer other than 503 within two seconds. */
    private static boolean takes(URI uri) {
        try {
            int status = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
            return status != 503;
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}
