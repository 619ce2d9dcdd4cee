package io.dataforge.watch.parquet;

import io.dataforge.watch.RejectedFileException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Runs a conversion of text held in memory and reads the result back. */
final class Conversions {

    final MemorySink sink = new MemorySink();

    ConversionResult result;

    byte[] parquet;

    static Conversions of(DataFormat format, String text) throws IOException, RejectedFileException {
        return of(format, text.getBytes(StandardCharsets.UTF_8), ConversionSettings.defaults());
    }

    static Conversions of(DataFormat format, byte[] bytes, ConversionSettings settings)
            throws IOException, RejectedFileException {
        Conversions conversion = new Conversions();
        conversion.result = new ParquetConverter(settings).convert(format, () -> new ByteArrayInputStream(bytes),
                conversion.sink);
        conversion.parquet = conversion.sink.completed();
        return conversion;
    }

    List<Map<String, Object>> rows() {
        return ParquetReadBack.readAll(parquet);
    }

    Map<String, String> schema() {
        return ParquetReadBack.schema(parquet);
    }

    /**
     * The rule every converted value follows: it reads back as the source text meant it.
     */
    static void assertReadsBackAs(String source, Object read) {
        if (source == null) {
            assertNull(read);
            return;
        }
        String iso = source.replace(' ', 'T');
        Object expected;
        if (read instanceof Long) {
            expected = Long.parseLong(source);
        }
        else if (read instanceof BigDecimal decimal) {
            expected = decimal.compareTo(new BigDecimal(source)) == 0 ? decimal : new BigDecimal(source);
        }
        else if (read instanceof Double) {
            expected = Double.parseDouble(source);
        }
        else if (read instanceof Boolean) {
            expected = source.equalsIgnoreCase("true") ? Boolean.TRUE
                    : source.equalsIgnoreCase("false") ? Boolean.FALSE : source;
        }
        else if (read instanceof LocalDate) {
            expected = LocalDate.parse(source);
        }
        else if (read instanceof LocalDateTime) {
            expected = iso.length() == 10 ? LocalDate.parse(iso).atStartOfDay() : LocalDateTime.parse(iso);
        }
        else if (read instanceof Instant) {
            expected = OffsetDateTime.parse(iso).toInstant();
        }
        else {
            expected = source;
        }
        assertEquals(expected, read, () -> "source value " + source);
    }

}
