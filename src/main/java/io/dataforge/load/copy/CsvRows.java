package io.dataforge.load.copy;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordType;
import io.dataforge.platform.text.CsvReading;
import io.dataforge.platform.text.Utf8Reader;

/**
 * RFC 4180 records of an uploaded file, read as {@link CsvReading} sets the parser up:
 * the header, then one row at a time. An empty unquoted field is null, {@code ""} an
 * empty string; blank lines are skipped. Bytes that are not UTF-8 become U+FFFD, which
 * the caller treats as a bad row. A broken structure (an unclosed quote, text after a
 * closing quote, a record over {@link CsvReading#MAX_RECORD_CHARS} characters) cannot be
 * read past: it ends the file with {@link LoadRejectedException}.
 */
public final class CsvRows implements Closeable {

    static final char REPLACEMENT = '\uFFFD';

    private final Fields fields = new Fields();

    private final CsvReader<List<String>> csv;

    private final CloseableIterator<List<String>> records;

    private final List<String> header;

    private long rowNumber;

    public CsvRows(InputStream decompressed) throws IOException, LoadRejectedException {
        this.csv = CsvReading.open(fields, Utf8Reader.replacing(decompressed), ',', CsvReading.BlankLines.SKIP);
        this.records = csv.iterator();
        if (!advance()) {
            throw new LoadRejectedException("the file is empty: no header row");
        }
        this.header = List.copyOf(fields.values.stream().map(name -> name == null ? "" : name.strip()).toList());
        this.rowNumber = 0;
    }

    public List<String> header() {
        return header;
    }

    /** Moves to the next data row; false at the end. */
    public boolean next() throws IOException, LoadRejectedException {
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
        }
        catch (UncheckedIOException e) {
            throw e.getCause();
        }
        catch (CsvParseException e) {
            if (e.getCause() instanceof RuntimeException cause && !(cause instanceof CsvParseException)) {
                throw cause; // the stream's own failure (a size limit), not the data's
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
