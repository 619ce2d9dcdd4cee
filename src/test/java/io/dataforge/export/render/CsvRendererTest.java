package io.dataforge.export.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvRendererTest {

    @Test
    void everyValueReadsBackUnchangedUnderTheHeader() throws Exception {
        byte[] csv = ExportFiles.render(ExportFormat.CSV, RenderOptions.defaults(), SampleRows.nasty());

        List<CSVRecord> records = ExportFiles.csv(csv);
        assertThat(records).hasSize(4);
        assertThat(records.get(0).toList()).isEqualTo(SampleRows.COLUMNS);
        assertThat(records.get(1).toList()).containsExactly("1", SampleRows.NASTY_NAME,
                "12345678901234567890.123456789012", "-1.5", "true", SampleRows.PAYLOAD.toString(), "***",
                "2024-02-29T12:34:56Z", "東京 😀");
        assertThat(records.get(2).toList()).containsExactly("-42", "plain", "-0.000001", "", "false", "", "***", "",
                "");
        assertThat(records.get(3).get(8)).isEqualTo("tab\tand\r\nCRLF");
    }

    @Test
    void recordsEndInCrlfAndTheFileIsUtf8() throws Exception {
        byte[] csv = ExportFiles.render(ExportFormat.CSV, RenderOptions.defaults(), SampleRows.nasty());

        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith(String.join(",", SampleRows.COLUMNS) + "\r\n").endsWith("\r\n");
        assertThat(text).contains("\"Zoë \"\"Q\"\", Łódź\nline 2 Ωμέγα\"");
    }

    @Test
    void anExportWithoutRowsIsTheHeaderAlone() throws Exception {
        byte[] csv = ExportFiles.render(ExportFormat.CSV, RenderOptions.defaults(), List.of());

        assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo(String.join(",", SampleRows.COLUMNS) + "\r\n");
    }

}
