package io.dataforge.load;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import de.siegmar.fastcsv.reader.RecordType;

/**
 * RFC 4180 records of an uploaded file, read with FastCSV: the header, then one row at a time. An empty unquoted
 * field is null, {@code ""} an empty string; blank lines are skipped. Bytes that are not UTF-8 become U+FFFD, which
 * the caller treats as a bad row. A broken structure (an unclosed quote, text after a closing quote, a record over
 * {@link #MAX_RECORD_CHARS} characters) cannot be read past: it ends the file with {@link LoadRejectedException}.
 */
final class CsvRows implements Closeable {

    static final int MAX_RECORD_CHARS = 16 << 20;
    static final char REPLACEMENT = '\uFFFD';

    private final Fields fields = new Fields();
    private final CsvReader<List<String>> csv;
    private final CloseableIterator<List<String>> records;
    private final List<String> header;
    private long rowNumber;

    CsvRows(InputStream decompressed) throws IOException, LoadRejectedException {
        this.csv = CsvReader.builder()
                .skipEmptyLines(true)
                .allowUnclosedQuote(false)
                .allowExtraCharsAfterClosingQuote(false)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .maxBufferSize(MAX_RECORD_CHARS)
                .build(fields, new InputStreamReader(decompressed, StandardCharsets.UTF_8));
        this.records = csv.iterator();
        if (!advance()) {
            throw new LoadRejectedException("the file is empty: no header row");
        }
        List<String> names = new ArrayList<>(fields.values);
        if (!names.isEmpty() && names.get(0) != null && names.get(0).startsWith("\uFEFF")) {
            names.set(0, names.get(0).substring(1));
        }
        this.header = List.copyOf(names.stream().map(name -> name == null ? "" : name.strip()).toList());
        this.rowNumber = 0;
    }

    List<String> header() {
        return header;
    }

    /** Moves to the next data row; false at the end. */
    boolean next() throws IOException, LoadRejectedException {
        if (!advance()) {
            return false;
        }
        rowNumber++;
        return true;
    }

    /** The current row's fields (reused from row to row). */
    List<String> fields() {
        return fields.values;
    }

    long rowNumber() {
        return rowNumber;
    }

    private boolean advance() throws IOException, LoadRejectedException {
        try {
            return records.hasNext() && records.next() != null;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (CsvParseException e) {
            if (e.getCause() instanceof RuntimeException cause && !(cause instanceof CsvParseException)) {
                throw cause;  // the stream's own failure (a size limit), not the data's
            }
            String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new LoadRejectedException("row " + (rowNumber + 1) + " cannot be parsed: " + reason);
        }
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    private static final class Fields extends AbstractBaseCsvCallbackHandler<List<String>> {

        private final List<String> values = new ArrayList<>();

        @Override
        protected void handleBegin(long startingLineNumber) {
            values.clear();
        }

        @Override
        protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
            values.add(len == 0 && !quoted ? null : new String(buf, offset, len));
        }

        @Override
        protected List<String> buildRecord() {
            return getRecordType() == RecordType.EMPTY ? null : values;
        }
    }
}
