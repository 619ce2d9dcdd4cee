package io.dataforge.export.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExportFormatTest {

    @Test
    void namesFromTheApiAreReadInAnyCase() {
        assertThat(ExportFormat.parse("csv")).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.parse("NDJSON")).isEqualTo(ExportFormat.NDJSON);
        assertThat(ExportFormat.parse("Xlsx")).isEqualTo(ExportFormat.XLSX);
    }

    @Test
    void anUnknownNameIsRejected() {
        assertThatThrownBy(() -> ExportFormat.parse("xml")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("xml");
        assertThatThrownBy(() -> ExportFormat.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachFormatHasItsExtensionAndContentType() {
        assertThat(ExportFormat.JSON.extension()).isEqualTo("json");
        assertThat(ExportFormat.NDJSON.contentType()).isEqualTo("application/x-ndjson");
        assertThat(ExportFormat.XLSX.contentType())
            .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(ExportFormat.PDF.contentType()).isEqualTo("application/pdf");
    }

}
