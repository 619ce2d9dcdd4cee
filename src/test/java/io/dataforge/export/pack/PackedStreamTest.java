package io.dataforge.export.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Random;

import io.dataforge.export.render.ExportFiles;
import io.dataforge.export.render.TrackingOutputStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The packer runs on its own thread: bytes arrive whole and in order, its errors reach
 * the writer, abort stops it.
 */
class PackedStreamTest {

    @Test
    void manyChunksOfOddSizesArriveWholeAndInOrderAfterGunzip() throws Exception {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        Random random = new Random(7);
        try (PackedStream out = Compression.GZIP.open(packed, "x", "test-pack")) {
            for (int i = 0; i < 2_000; i++) {
                byte[] bytes = new byte[random.nextInt(3_000)];
                random.nextBytes(bytes);
                out.write(bytes);
                out.write('\n');
                written.update(bytes);
                written.update((byte) '\n');
            }
        }

        byte[] unpacked = ExportFiles.uncompress(Compression.GZIP, packed.toByteArray(), "x");
        assertThat(MessageDigest.getInstance("SHA-256").digest(unpacked)).isEqualTo(written.digest());
    }

    @Test
    void whatThePackerFailsWithIsThrownToTheWriterAndTheWriterNeverHangs() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("storage is gone");
            }
        };
        PackedStream out = new PackedStream(broken, "test-pack");

        assertThatThrownBy(() -> {
            for (int i = 0; i < 10_000; i++) {
                out.write(new byte[10_000]);
            }
            out.close();
        }).isInstanceOf(IOException.class).hasMessage("storage is gone");
        out.abort();
    }

    @Test
    void abortStopsThePackerAndLeavesTheStreamUnderneathOpen() throws Exception {
        TrackingOutputStream target = new TrackingOutputStream();
        PackedStream out = Compression.NONE.open(target, "x", "test-pack-abort");
        out.write(new byte[200_000]);

        out.abort();
        out.close();

        assertThat(target.closed).isFalse();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("test-pack-abort"));
    }

}
