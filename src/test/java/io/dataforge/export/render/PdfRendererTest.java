package io.dataforge.export.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

class PdfRendererTest {

    @Test
    void valuesAppearInTheTableUnderTheTitle() throws Exception {
        byte[] pdf = ExportFiles.render(ExportFormat.PDF, RenderOptions.defaults().withPdfTitle("Orders export"),
                SampleRows.nasty());

        List<String> pages = ExportFiles.pdfPages(pdf);
        assertThat(pages.get(0)).startsWith("Orders export\n" + String.join(" ", SampleRows.COLUMNS) + "\n");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Orders export");
        }
        // a cell wraps long values over lines: read the text without its line breaks
        String text = String.join("", pages).replace("\n", "");
        assertThat(text).contains("created_at", "Zoë \"Q\", Łódź", "line 2 Ωμέγα", "12345678901234567890.123456789012",
                "-0.000001", "-1.5", "***", "2024-02-29T12:34:56Z", "\"b\":{\"c\":\"x,\\\"y\\\"\"}", "-42",
                String.valueOf(Long.MIN_VALUE), "true", "false");
    }

    @Test
    void theHeaderIsRepeatedOnEveryPage() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long written = Renderers.of(ExportFormat.PDF, RenderOptions.defaults())
            .render(SampleRows.COLUMNS, SampleRows.generated(1_000), out);

        assertThat(written).isEqualTo(1_000);
        List<String> pages = ExportFiles.pdfPages(out.toByteArray());
        assertThat(pages).hasSizeGreaterThan(3);
        for (int i = 0; i < pages.size(); i++) {
            assertThat(pages.get(i)).as("page %d", i + 1)
                .contains(String.join(" ", SampleRows.COLUMNS))
                .contains("Page " + (i + 1));
        }
        assertThat(pages.get(0)).contains("name 0");
        assertThat(pages.get(pages.size() - 1)).contains("name 999");
        String text = String.join("\n", pages);
        int at = -1;
        for (int i = 0; i < 1_000; i++) {
            int next = text.indexOf(" name " + i + " ", at + 1);
            assertThat(next).as("row %d after row %d", i, i - 1).isGreaterThan(at);
            at = next;
        }
    }

    @Test
    void aValueTallerThanHalfAPageIsCutWithAnEllipsis() throws Exception {
        // the first row sets a narrow note column: 1,000 characters would take over 100
        // lines
        Object[] first = { 1L, "x", null, null, null, null, null, null, "short" };
        Object[] tall = { 2L, "y", null, null, null, null, null, null, "word ".repeat(200) };

        byte[] pdf = ExportFiles.render(ExportFormat.PDF, RenderOptions.defaults(), List.of(first, tall));

        List<String> pages = ExportFiles.pdfPages(pdf);
        assertThat(pages).hasSize(1);
        String text = pages.get(0);
        assertThat(text.split("word", -1).length - 1).isBetween(20, 199);
        assertThat(text).contains("\u2026").contains("Page 1");
    }

    @Test
    void pagesAreLandscapeA4() throws Exception {
        byte[] pdf = ExportFiles.render(ExportFormat.PDF, RenderOptions.defaults(), SampleRows.nasty());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDRectangle page = document.getPage(0).getMediaBox();
            assertThat(page.getWidth()).isCloseTo(PDRectangle.A4.getHeight(), within(1f));
            assertThat(page.getHeight()).isCloseTo(PDRectangle.A4.getWidth(), within(1f));
        }
    }

    @Test
    void aPdfPastItsCapFailsNamingTheCap() {
        RenderOptions tinyCap = new RenderOptions(50_000, "", RenderOptions.EXCEL_MAX_DATA_ROWS);

        assertThatThrownBy(() -> Renderers.of(ExportFormat.PDF, tinyCap)
            .render(SampleRows.COLUMNS, SampleRows.generated(5_000), new ByteArrayOutputStream()))
            .isInstanceOf(ExportTooLargeException.class)
            .hasMessageContaining("50000 bytes");
    }

}
