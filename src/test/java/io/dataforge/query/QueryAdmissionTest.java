package io.dataforge.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.dataforge.platform.web.ApiException;
import org.junit.jupiter.api.Test;

class QueryAdmissionTest {

    private final QueryAdmission admission = new QueryAdmission(
            new QueryProperties(Duration.ofSeconds(30), 2, Duration.ofMillis(100), Duration.ofDays(1)));

    @Test
    void pastTheLimitAQueryWaitsThenIsRefusedWithQueryBusy() throws Exception {
        QueryAdmission.Turn first = admission.admit();
        QueryAdmission.Turn second = admission.admit();

        ApiException busy = catchThrowableOfType(ApiException.class, admission::admit);

        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.code()).isEqualTo("QUERY_BUSY");
        assertThat(busy.details()).containsEntry("retryAfterSeconds", 1);
        first.close();
        second.close();
    }

    @Test
    void aWaitingQueryRunsAsSoonAsATurnIsFreed() throws Exception {
        QueryAdmission slow = new QueryAdmission(
                new QueryProperties(Duration.ofSeconds(30), 1, Duration.ofSeconds(10), Duration.ofDays(1)));
        QueryAdmission.Turn only = slow.admit();

        CompletableFuture<QueryAdmission.Turn> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return slow.admit();
            }
            catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());
        only.close();

        waiting.get(5, TimeUnit.SECONDS).close();
    }

}
