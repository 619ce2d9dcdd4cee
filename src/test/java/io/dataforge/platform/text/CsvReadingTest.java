package io.dataforge.platform.text;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvReadingTest {

    @Test
    void aBomBeforeAQuotedHeaderIsNotPartOfTheFirstName() throws Exception {
        // given
        byte[] file = "\uFEFF\"id\",name\n1,a\n".getBytes(StandardCharsets.UTF_8);

        // when
        List<List<String>> records = read(file, ',');

        // then
        assertThat(records).containsExactly(List.of("id", "name"), List.of("1", "a"));
    }

    @Test
    void replacingDecodingReadsBytesThatAreNotUtf8AsReplacementCharacters() throws Exception {
        // given
        byte[] file = { 'a', '\t', (byte) 0xC3, '\n' };

        // when
        List<List<String>> records = read(file, '\t');

        // then
        assertThat(records).containsExactly(List.of("a", "\uFFFD"));
    }

    private static List<List<String>> read(byte[] file, char delimiter) throws Exception {
        try (CsvReader<CsvRecord> csv = CsvReading.open(CsvRecordHandler.of(),
                Utf8Reader.replacing(new ByteArrayInputStream(file)), delimiter, CsvReading.BlankLines.SKIP)) {
            return csv.stream().map(CsvRecord::getFields).toList();
        }
    }

}
