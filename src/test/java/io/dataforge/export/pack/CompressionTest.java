package io.dataforge.export.pack;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataforge.export.render.ExportFiles;
import io.dataforge.export.render.ExportFormat;
import io.dataforge.export.render.TrackingOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CompressionTest {

    private static final byte[] CONTENT = "id,name\r\n1,Zoë\r\n".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @EnumSource(Compression.class)
    void whatIsWrittenComesBackUnpacked(Compression compression) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = compression.open(bytes, "export.csv", "test-pack")) {
            out.write(CONTENT);
        }

        assertThat(ExportFiles.uncompress(compression, bytes.toByteArray(), "export.csv")).isEqualTo(CONTENT);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void closingTheWrapperClosesTheStreamUnderneath(Compression compression) throws Exception {
        TrackingOutputStream target = new TrackingOutputStream();

        compression.open(target, "export.csv", "test-pack").close();

        assertThat(target.closed).isTrue();
    }

    @Test
    void suffixesAndContentTypesNameThePackedFile() {
        assertThat(Compression.NONE.suffix()).isEmpty();
        assertThat(Compression.ZIP.suffix()).isEqualTo(".zip");
        assertThat(Compression.GZIP.suffix()).isEqualTo(".gz");
        assertThat(Compression.NONE.contentType(ExportFormat.CSV)).isEqualTo("text/csv");
        assertThat(Compression.ZIP.contentType(ExportFormat.CSV)).isEqualTo("application/zip");
        assertThat(Compression.GZIP.contentType(ExportFormat.PDF)).isEqualTo("application/gzip");
    }

}
