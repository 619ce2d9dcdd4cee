package io.dataforge.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class PartBuffersTest {

    @Test
    void aWriterBeyondTheBudgetWaitsUntilABufferComesBackAndGetsThatOne() throws Exception {
        PartBuffers buffers = new PartBuffers(1024, 2);
        byte[] first = buffers.take();
        buffers.take();

        CompletableFuture<byte[]> third = CompletableFuture.supplyAsync(() -> {
            try {
                return buffers.take();
            }
            catch (java.io.InterruptedIOException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> buffers.waiting() == 1);
        assertThat(third).isNotDone();

        buffers.give(first);

        assertThat(third.get()).isSameAs(first);
        assertThat(buffers.held()).isEqualTo(2);
        assertThat(buffers.available()).isZero();
    }

    @Test
    void buffersAreLetGoOnceNoneIsInUse() throws Exception {
        PartBuffers buffers = new PartBuffers(1024, 2);
        byte[] first = buffers.take();
        byte[] second = buffers.take();

        buffers.give(first);
        assertThat(buffers.held()).as("one still in use: the other is kept for reuse").isEqualTo(2);
        buffers.give(second);

        assertThat(buffers.held()).isZero();
        assertThat(buffers.available()).isEqualTo(2);
    }

}
