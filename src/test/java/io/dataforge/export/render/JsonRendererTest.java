package io.dataforge.export.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRendererTest {

    @Test
    void jsonIsAnArrayOfObjectsWithTypedValues() throws Exception {
        byte[] json = ExportFiles.render(ExportFormat.JSON, RenderOptions.defaults(), SampleRows.nasty());

        JsonNode rows = ExportFiles.JSON.readTree(json);
        assertThat(rows.isArray()).isTrue();
        assertThat(rows).hasSize(3);
        JsonNode first = rows.get(0);
        assertThat(first.fieldNames()).toIterable().containsExactlyElementsOf(SampleRows.COLUMNS);
        assertThat(first.get("id").isIntegralNumber()).isTrue();
        assertThat(first.get("name").asText()).isEqualTo(SampleRows.NASTY_NAME);
        assertThat(first.get("amount").decimalValue()).isEqualTo(SampleRows.LONG_AMOUNT);
        assertThat(first.get("score").doubleValue()).isEqualTo(-1.5);
        assertThat(first.get("active").booleanValue()).isTrue();
        assertThat(first.get("payload")).isEqualTo(ExportFiles.JSON.readTree(SampleRows.PAYLOAD.toString()));
        assertThat(first.get("email").asText()).isEqualTo("***");
        assertThat(first.get("note").asText()).isEqualTo("東京 😀");
        JsonNode second = rows.get(1);
        assertThat(second.get("id").longValue()).isEqualTo(-42);
        assertThat(second.get("score").isNull()).isTrue();
        assertThat(second.get("payload").isNull()).isTrue();
        assertThat(rows.get(2).get("id").longValue()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void decimalsKeepTheirDigitsAsPlainNumbers() throws Exception {
        byte[] json = ExportFiles.render(ExportFormat.JSON, RenderOptions.defaults(), SampleRows.nasty());

        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text).contains("\"amount\":12345678901234567890.123456789012").contains("\"amount\":-0.000001");
        assertThat(ExportFiles.JSON.readTree(json).get(1).get("amount").decimalValue())
            .isEqualTo(new BigDecimal("-0.000001"));
    }

    @Test
    void anExportWithoutRowsIsAnEmptyArray() throws Exception {
        byte[] json = ExportFiles.render(ExportFormat.JSON, RenderOptions.defaults(), List.of());

        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("[]");
    }

    @Test
    void ndjsonIsOneObjectPerLineEachEndedByNewline() throws Exception {
        byte[] ndjson = ExportFiles.render(ExportFormat.NDJSON, RenderOptions.defaults(), SampleRows.nasty());

        String text = new String(ndjson, StandardCharsets.UTF_8);
        assertThat(text).endsWith("}\n");
        assertThat(text.split("\n")).hasSize(3);
        List<JsonNode> lines = ExportFiles.ndjson(ndjson);
        assertThat(lines.get(0).get("name").asText()).isEqualTo(SampleRows.NASTY_NAME);
        assertThat(lines.get(0).get("payload").get("b").get("c").asText()).isEqualTo("x,\"y\"");
        assertThat(lines.get(2).get("note").asText()).isEqualTo("tab\tand\r\nCRLF");
    }

}
