package io.dataforge.export.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataforge.export.pack.Compression;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What holds for every format, packed every way. */
class EveryFormatTest {

    static Stream<Arguments> formatsAndCompressions() {
        return Stream.of(ExportFormat.values())
            .flatMap(format -> Stream.of(Compression.values()).map(compression -> Arguments.of(format, compression)));
    }

    @ParameterizedTest
    @MethodSource("formatsAndCompressions")
    void valuesReadBackAfterUnpacking(ExportFormat format, Compression compression) throws Exception {
        String entry = "export." + format.extension();
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        long written;
        try (OutputStream out = compression.open(packed, entry, "test-pack")) {
            written = Renderers.of(format, RenderOptions.defaults())
                .render(SampleRows.COLUMNS, SampleRows.of(SampleRows.nasty()), out);
        }

        assertThat(written).isEqualTo(3);
        byte[] file = ExportFiles.uncompress(compression, packed.toByteArray(), entry);
        if (format == ExportFormat.PDF) {
            assertThat(String.join("\n", ExportFiles.pdfPages(file))).contains("Łódź", "***", "comma,only");
        }
        else {
            List<List<String>> table = ExportFiles.table(format, file);
            assertThat(table).hasSize(4);
            assertThat(table.get(0)).isEqualTo(SampleRows.COLUMNS);
            assertThat(table.get(1).get(1)).isEqualTo(SampleRows.NASTY_NAME);
            assertThat(table.get(1).get(2)).isEqualTo("12345678901234567890.123456789012");
            assertThat(table.get(1).get(5)).isEqualTo(SampleRows.PAYLOAD.toString());
            assertThat(table.get(2)).containsExactly("-42", "plain", "-0.000001", "", "false", "", "***", "", "");
            assertThat(table.get(3).get(8)).isEqualTo("tab\tand\r\nCRLF");
        }
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void theCallersStreamIsFlushedAndLeftOpen(ExportFormat format) throws Exception {
        TrackingOutputStream out = new TrackingOutputStream();

        Renderers.of(format, RenderOptions.defaults())
            .render(SampleRows.COLUMNS, SampleRows.of(SampleRows.nasty()), out);

        assertThat(out.closed).isFalse();
        assertThat(out.written).isPositive();
        assertThat(out.flushedAt).isEqualTo(out.written);
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void twentyThousandRowsStreamThrough(ExportFormat format) throws Exception {
        TrackingOutputStream out = new TrackingOutputStream();

        long written = Renderers.of(format, RenderOptions.defaults())
            .render(SampleRows.COLUMNS, SampleRows.generated(20_000), out);

        assertThat(written).isEqualTo(20_000);
        assertThat(out.written).isGreaterThan(20_000);
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void anExportWithoutRowsIsAFileWithTheHeaderOnly(ExportFormat format) throws Exception {
        byte[] file = ExportFiles.render(format, RenderOptions.defaults(), List.of());

        if (format == ExportFormat.PDF) {
            assertThat(ExportFiles.pdfPages(file)).singleElement()
                .asString()
                .contains(String.join(" ", SampleRows.COLUMNS));
        }
        else if (format == ExportFormat.XLSX) {
            assertThat(ExportFiles.table(format, file)).containsExactly(SampleRows.COLUMNS);
        }
        else {
            assertThat(ExportFiles.table(format, file)).hasSizeLessThanOrEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void whatTheRowSourceThrowsReachesTheCallerUnwrapped(ExportFormat format) {
        int[] pulled = { 0 };
        RowSource cancelledOnTheSecondRow = () -> {
            if (++pulled[0] == 2) {
                throw new InterruptedException("cancelled");
            }
            return SampleRows.nasty().get(0);
        };

        assertThatThrownBy(() -> Renderers.of(format, RenderOptions.defaults())
            .render(SampleRows.COLUMNS, cancelledOnTheSecondRow, new TrackingOutputStream()))
            .isInstanceOf(InterruptedException.class)
            .hasMessage("cancelled");
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void aRowOfAnotherWidthThanTheHeaderFailsTheRender(ExportFormat format) {
        RowSource shortRow = SampleRows.of(List.<Object[]>of(new Object[] { 1L, "only two" }));

        assertThatThrownBy(() -> Renderers.of(format, RenderOptions.defaults())
            .render(SampleRows.COLUMNS, shortRow, new TrackingOutputStream())).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("2 values for 9 columns");
    }

}
