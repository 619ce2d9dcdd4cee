package io.dataforge.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MultipartReaderTest {

    private static final String BOUNDARY = "----bnd7MA4YWxkTrZu0gW";

    private static final byte[] DELIMITER = ("\r\n--" + BOUNDARY).getBytes(StandardCharsets.US_ASCII);

    @Test
    void partsComeBackByteForByteWhateverTheReadSizes() throws IOException {
        Random random = new Random(7);
        List<byte[]> bodies = List.of(nearMisses(random, 300_000), new byte[0], random(random, 1),
                random(random, 200_000), "a\r\n--".getBytes(StandardCharsets.US_ASCII),
                Arrays.copyOf(DELIMITER, DELIMITER.length - 1));
        byte[] body = multipart("preamble to ignore\r\n", bodies);
        for (int chunk : new int[] { 1, 7, DELIMITER.length, 4096, 100_000 }) {
            for (int readSize : new int[] { 1, 13, 8192, 1 << 20 }) {
                List<byte[]> parts = readAll(new MultipartReader(new Trickle(body, chunk, random), bytes(BOUNDARY),
                        10240, StandardCharsets.UTF_8), readSize);
                assertThat(parts).hasSize(bodies.size());
                for (int i = 0; i < bodies.size(); i++) {
                    assertThat(parts.get(i)).as("part %d, chunks of %d, reads of %d", i, chunk, readSize)
                        .isEqualTo(bodies.get(i));
                }
            }
        }
    }

    @Test
    void headersComeAsTheirBlockAndUnreadPartsAreSkipped() throws IOException {
        byte[] body = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nfirst\r\n--" + BOUNDARY
                + "  \r\nContent-Disposition: form-data; name=\"files\"; filename=\"résumé.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nsecond\r\n--" + BOUNDARY + "--\r\nepilogue")
            .getBytes(StandardCharsets.UTF_8);
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body), bytes(BOUNDARY), 10240,
                StandardCharsets.UTF_8);
        assertThat(reader.nextPart()).isEqualTo("Content-Disposition: form-data; name=\"a\"\r\n\r\n");
        String second = reader.nextPart();
        assertThat(second).contains("filename=\"résumé.csv\"").endsWith("Content-Type: text/csv\r\n\r\n");
        assertThat(reader.body().readAllBytes()).isEqualTo(bytes("second"));
        assertThat(reader.nextPart()).isNull();
        assertThat(reader.nextPart()).isNull();
    }

    @Test
    void truncatedBodiesAndMissingBoundariesAreMalformed() {
        byte[] whole = multipart("", List.of(bytes("some,csv\n1,2\n")));
        assertThatThrownBy(() -> readAll(reader(Arrays.copyOf(whole, whole.length - 10)), 8192))
            .isInstanceOf(MultipartReader.MalformedMultipartException.class)
            .hasMessageContaining("ends in the middle");
        assertThatThrownBy(() -> readAll(reader(Arrays.copyOf(whole, whole.length - 30)), 8192))
            .hasMessageContaining("ends in the middle");
        assertThatThrownBy(() -> readAll(reader(bytes("no boundary here at all")), 8192))
            .hasMessageContaining("no multipart boundary");
        assertThatThrownBy(() -> readAll(reader(bytes("--" + BOUNDARY + "garbage\r\n\r\nx")), 8192))
            .hasMessageContaining("does not end with CRLF");
    }

    @Test
    void aHugeHeaderBlockIsRefusedWithoutReadingOn() {
        byte[] body = ("--" + BOUNDARY + "\r\nX-Padding: " + "a".repeat(50_000) + "\r\n\r\nx\r\n--" + BOUNDARY + "--")
            .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> readAll(reader(body), 8192)).hasMessageContaining("exceed 10240 bytes");
    }

    private static MultipartReader reader(byte[] body) {
        return new MultipartReader(new ByteArrayInputStream(body), bytes(BOUNDARY), 10240, StandardCharsets.UTF_8);
    }

    private static List<byte[]> readAll(MultipartReader reader, int readSize) throws IOException {
        List<byte[]> parts = new ArrayList<>();
        byte[] buffer = new byte[readSize];
        while (reader.nextPart() != null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = reader.body();
            int n;
            while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
                out.write(buffer, 0, n);
            }
            parts.add(out.toByteArray());
        }
        return parts;
    }

    private static byte[] multipart(String preamble, List<byte[]> bodies) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(preamble));
        for (int i = 0; i < bodies.size(); i++) {
            out.writeBytes(bytes("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f" + i
                    + "\"; filename=\"f" + i + ".bin\"\r\n\r\n"));
            out.writeBytes(bodies.get(i));
            out.writeBytes(bytes("\r\n"));
        }
        out.writeBytes(bytes("--" + BOUNDARY + "--\r\n"));
        return out.toByteArray();
    }

    /**
     * Random bytes strewn with every prefix of the delimiter, the cases a search can trip
     * on.
     */
    private static byte[] nearMisses(Random random, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < size) {
            out.writeBytes(random(random, random.nextInt(50)));
            out.write(DELIMITER, 0, 1 + random.nextInt(DELIMITER.length - 1));
        }
        return out.toByteArray();
    }

    private static byte[] random(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A socket's reads: at most {@code chunk} bytes each, often fewer. */
    private static final class Trickle extends InputStream {

        private final ByteArrayInputStream in;

        private final int chunk;

        private final Random random;

        Trickle(byte[] bytes, int chunk, Random random) {
            this.in = new ByteArrayInputStream(bytes);
            this.chunk = chunk;
            this.random = random;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, Math.min(len, 1 + random.nextInt(chunk)));
        }

    }

}
