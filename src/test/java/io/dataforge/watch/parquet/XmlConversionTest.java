package io.dataforge.watch.parquet;

import io.dataforge.watch.RejectedFileException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class XmlConversionTest {

    @Test
    void childElementsOfTheRootAreRecordsWithAttributesAndChildTextAsFields() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <orders source="shop">
                  <order id="1"><customer>Ann &amp; Bob</customer><total>12.50</total></order>
                  <!-- a comment -->
                  <order id="2"><customer><![CDATA[<Carl>]]></customer><total>3</total><address><city>Oslo</city></address></order>
                  <order id="3"><customer/></order>
                </orders>
                """;

        Conversions conversion = Conversions.of(DataFormat.XML, xml);

        assertThat(conversion.schema()).containsExactly(Map.entry("id", "INT64"),
                Map.entry("customer", "BINARY STRING"), Map.entry("total", "INT64 DECIMAL(18,2)"),
                Map.entry("address_city", "BINARY STRING"));
        List<Map<String, Object>> rows = conversion.rows();
        assertThat(rows.get(0)).containsEntry("id", 1L)
            .containsEntry("customer", "Ann & Bob")
            .containsEntry("address_city", null);
        assertThat(rows.get(1)).containsEntry("customer", "<Carl>").containsEntry("address_city", "Oslo");
        assertThat(rows.get(2)).containsEntry("customer", null).containsEntry("total", null);
    }

    @Test
    void anExternalEntityIsNeverResolved() throws Exception {
        Path secret = Files.createDirectories(Path.of("target")).resolve("xxe-secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<r><row><v>&xxe;</v></row></r>";

        RejectedFileException rejected = catchThrowableOfType(RejectedFileException.class, () -> Conversions
            .of(DataFormat.XML, xml.getBytes(StandardCharsets.UTF_8), ConversionSettings.defaults()));

        assertThat(rejected.errorType()).isEqualTo("INVALID_DATA");
        assertThat(rejected).hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void aFieldRepeatedInOneRecordIsRejectedNotOverwritten() {
        RejectedFileException rejected = catchThrowableOfType(RejectedFileException.class,
                () -> Conversions.of(DataFormat.XML, "<r><row><a>1</a></row><row><a>1</a><a>2</a></row></r>"));

        assertThat(rejected.rowNumber()).isEqualTo(2L);
    }

    @Test
    void malformedXmlIsRejected() {
        RejectedFileException rejected = catchThrowableOfType(RejectedFileException.class,
                () -> Conversions.of(DataFormat.XML, "<r><row><a>1</b></row></r>"));

        assertThat(rejected.errorType()).isEqualTo("INVALID_DATA");
    }

}
