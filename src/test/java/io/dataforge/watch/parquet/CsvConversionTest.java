package io.dataforge.watch.parquet;

import io.dataforge.platform.text.CsvReading;
import io.dataforge.watch.RejectedFileException;
import org.apache.parquet.column.Encoding;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CsvConversionTest {

    @Test
    void quotedFieldsKeepTheirCommasQuotesAndNewlines() throws Exception {
        String csv = "id,comment\r\n1,\"a, b\"\r\n2,\"she said \"\"hi\"\"\"\r\n3,\"line one\r\nline two\nthree\"\r\n";

        Conversions conversion = Conversions.of(DataFormat.CSV, csv);

        assertThat(conversion.rows()).extracting(row -> row.get("comment"))
            .containsExactly("a, b", "she said \"hi\"", "line one\r\nline two\nthree");
        assertThat(conversion.result.rows()).isEqualTo(3);
    }

    @Test
    void mostlyDistinctColumnsAreWrittenWithoutADictionaryAndTheRestWithOne() throws Exception {
        StringBuilder csv = new StringBuilder("id,country,note\n");
        for (int i = 0; i < 5000; i++) {
            csv.append("id-")
                .append(i)
                .append(',')
                .append(i % 3 == 0 ? "SE" : "NO")
                .append(",note ")
                .append(i % 7)
                .append('\n');
        }

        Conversions conversion = Conversions.of(DataFormat.CSV, csv.toString());

        Map<String, Set<Encoding>> encodings = new HashMap<>();
        ParquetReadBack.footer(conversion.parquet)
            .getBlocks()
            .forEach(block -> block.getColumns()
                .forEach(chunk -> encodings.computeIfAbsent(chunk.getPath().toDotString(), k -> new HashSet<>())
                    .addAll(chunk.getEncodings())));
        assertThat(encodings.get("id")).noneMatch(Encoding::usesDictionary);
        assertThat(encodings.get("country")).anyMatch(Encoding::usesDictionary);
        assertThat(encodings.get("note")).anyMatch(Encoding::usesDictionary);
        assertThat(conversion.rows()).hasSize(5000)
            .element(4999)
            .isEqualTo(Map.of("id", "id-4999", "country", "NO", "note", "note 1"));
    }

    @Test
    void anEmptyUnquotedFieldIsNullAndAQuotedOneAnEmptyString() throws Exception {
        Conversions conversion = Conversions.of(DataFormat.CSV, "a,b,c\n1,,\"\"\n");

        Map<String, Object> row = conversion.rows().get(0);
        assertThat(row).containsEntry("b", null).containsEntry("c", "");
    }

    @Test
    void aByteOrderMarkIsSkipped() throws Exception {
        Conversions conversion = Conversions.of(DataFormat.CSV, "\uFEFFname,n\nÅsa,1\n");

        assertThat(conversion.schema()).containsOnlyKeys("name", "n");
        assertThat(conversion.rows().get(0)).containsEntry("name", "Åsa").containsEntry("n", 1L);
    }

    @Test
    void emptyAndDuplicateHeadersAreMadeUnique() throws Exception {
        Conversions conversion = Conversions.of(DataFormat.CSV, "name,,name,Name\na,b,c,d\n");

        assertThat(conversion.schema()).containsOnlyKeys("name", "column_2", "name_2", "Name_3");
        assertThat(conversion.rows().get(0).values()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void tsvSplitsOnTabsOnly() throws Exception {
        Conversions conversion = Conversions.of(DataFormat.TSV, "a\tb\nx, y\t2\n");

        assertThat(conversion.rows().get(0)).containsEntry("a", "x, y").containsEntry("b", 2L);
    }

    @Test
    void aBlankLineInAOneColumnFileIsANullValue() throws Exception {
        Conversions conversion = Conversions.of(DataFormat.CSV, "a\n1\n\n2\n");

        assertThat(conversion.rows()).extracting(row -> row.get("a")).containsExactly(1L, null, 2L);
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRejectedWithItsRowNumber() {
        String csv = "a,b,c\n1,2,3\n4,5,6\n7,8\n";

        RejectedFileException rejected = catchThrowableOfType(RejectedFileException.class,
                () -> Conversions.of(DataFormat.CSV, csv));

        assertThat(rejected.errorType()).isEqualTo("INVALID_DATA");
        assertThat(rejected.rowNumber()).isEqualTo(3L);
        assertThat(rejected.getMessage()).contains("row 3 has 2 fields, header has 3");
    }

    @Test
    void invalidUtf8IsRejectedWithItsRowNumber() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("a,b\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 5000; i++) {
            bytes.writeBytes((i + ",text\n").getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes(new byte[] { 'x', ',', (byte) 0xC3, (byte) 0x28, '\n' });

        RejectedFileException rejected = catchThrowableOfType(RejectedFileException.class,
                () -> Conversions.of(DataFormat.CSV, bytes.toByteArray(), ConversionSettings.defaults()));

        assertThat(rejected.errorType()).isEqualTo("INVALID_ENCODING");
        assertThat(rejected.rowNumber()).isEqualTo(5001L);
    }

    @Test
    void anUnterminatedQuoteIsRejected() {
        RejectedFileException rejected = catchThrowableOfType(RejectedFileException.class,
                () -> Conversions.of(DataFormat.CSV, "a,b\n1,2\n3,\"open\n4,5\n"));

        assertThat(rejected.errorType()).isEqualTo("INVALID_DATA");
        assertThat(rejected.rowNumber()).isEqualTo(2L);
    }

    @Test
    void textAfterAClosingQuoteIsRejectedNotGlued() {
        RejectedFileException rejected = catchThrowableOfType(RejectedFileException.class,
                () -> Conversions.of(DataFormat.CSV, "a,b\n1,2\n3,\"quoted\"tail\n"));

        assertThat(rejected.errorType()).isEqualTo("INVALID_DATA");
        assertThat(rejected.rowNumber()).isEqualTo(2L);
    }

    @Test
    void aStrayQuoteCannotPullTheRestOfTheFileIntoOneRecord() {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.writeBytes("a,b\n1,\"stray\n".getBytes(StandardCharsets.UTF_8));
        byte[] line = "2,abcdefghijklmnopqrstuvwxyz\n".getBytes(StandardCharsets.UTF_8);
        while (csv.size() <= CsvReading.MAX_RECORD_CHARS + line.length) {
            csv.writeBytes(line);
        }

        RejectedFileException rejected = catchThrowableOfType(RejectedFileException.class,
                () -> Conversions.of(DataFormat.CSV, csv.toByteArray(), ConversionSettings.defaults()));

        assertThat(rejected.errorType()).isEqualTo("INVALID_DATA");
        assertThat(rejected.rowNumber()).isEqualTo(1L);
    }

    @Test
    void anEmptyFileIsRejected() {
        RejectedFileException rejected = catchThrowableOfType(RejectedFileException.class,
                () -> Conversions.of(DataFormat.CSV, ""));

        assertThat(rejected.errorType()).isEqualTo("INVALID_DATA");
    }

    @Test
    void aFieldLongerThanTheLimitIsRejected() {
        ConversionSettings settings = new ConversionSettings(ParquetCodec.ZSTD, 1, 1 << 20, 1 << 16, 100, 10, 10);
        byte[] csv = "a\nshort\nmuch longer than ten\n".getBytes(StandardCharsets.UTF_8);

        RejectedFileException rejected = catchThrowableOfType(RejectedFileException.class,
                () -> Conversions.of(DataFormat.CSV, csv, settings));

        assertThat(rejected.rowNumber()).isEqualTo(2L);
    }

    @Test
    void everyValueOfEveryRowReadsBackAsWritten() throws Exception {
        List<String[]> source = new ArrayList<>();
        StringBuilder csv = new StringBuilder("i,d,t,s\n");
        for (int i = 0; i < 300; i++) {
            String[] row = { String.valueOf(i * 7919L - 1000), (i % 5) + "." + (i % 100),
                    "2024-03-0" + (1 + i % 9) + " 10:00:0" + (i % 10), i % 3 == 0 ? "" : "s" + i };
            source.add(row);
            csv.append(String.join(",", row)).append('\n');
        }

        List<Map<String, Object>> rows = Conversions.of(DataFormat.CSV, csv.toString()).rows();

        for (int i = 0; i < rows.size(); i++) {
            Object[] read = rows.get(i).values().toArray();
            String[] expected = Arrays.stream(source.get(i)).map(v -> v.isEmpty() ? null : v).toArray(String[]::new);
            for (int c = 0; c < expected.length; c++) {
                Conversions.assertReadsBackAs(expected[c], read[c]);
            }
        }
    }

}
