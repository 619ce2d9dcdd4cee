package io.dataforge.watch.parquet;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordType;
import io.dataforge.platform.text.CsvReading;
import io.dataforge.platform.text.Utf8Reader;
import io.dataforge.watch.RejectedFileException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records (quotes, embedded delimiters and newlines, CRLF) with a header row,
 * read with FastCSV, whose callback hands each field over as a slice of its buffer (a
 * quarter of Commons CSV's profile samples here). An empty unquoted field is null,
 * {@code ""} an empty string. A blank line is skipped only when the header has several
 * columns; in a one-column file it is a null value. Parser set-up and the record cap:
 * {@link CsvReading}; the BOM and strict UTF-8: {@link Utf8Reader}, so bytes that are not
 * UTF-8 reject the file at their row.
 */
final class CsvRecordReader implements RecordReader {

    private final Fields fields;

    private final CsvReader<RawRow> csv;

    private final CloseableIterator<RawRow> records;

    private final int width;

    private long row;

    CsvRecordReader(InputStream in, char delimiter, Columns columns, ConversionSettings settings)
            throws IOException, RejectedFileException {
        this.fields = new Fields(settings.maxFieldChars());
        this.csv = CsvReading.open(fields, Utf8Reader.strict(in), delimiter, CsvReading.BlankLines.KEEP);
        this.records = csv.iterator();
        RawRow header = new RawRow();
        if (!nextRecord(header)) {
            throw new RejectedFileException("INVALID_DATA", "the file is empty: no header row", null, null);
        }
        List<String> names = new ArrayList<>(header.width());
        for (int i = 0; i < header.width(); i++) {
            names.add(header.value(i));
        }
        columns.defineHeader(names);
        this.width = columns.size();
    }

    @Override
    public boolean next(RawRow out) throws IOException, RejectedFileException {
        do {
            if (!nextRecord(out)) {
                return false;
            }
            row++;
        }
        while (fields.blank && width > 1);
        if (fields.tooLong >= 0) {
            throw new RejectedFileException("INVALID_DATA", "row " + row + " field " + (fields.tooLong + 1)
                    + " is longer than " + fields.maxFieldChars + " characters", row, null);
        }
        if (out.width() != width) {
            throw new RejectedFileException("INVALID_DATA",
                    "row " + row + " has " + out.width() + " fields, header has " + width, row, null);
        }
        return true;
    }

    private boolean nextRecord(RawRow out) throws IOException, RejectedFileException {
        fields.into = out;
        try {
            return records.hasNext() && records.next() != null;
        }
        catch (UncheckedIOException e) {
            IOException cause = e.getCause();
            if (cause instanceof CharacterCodingException) {
                long failed = row + 1;
                throw new RejectedFileException("INVALID_ENCODING", "row " + failed + " is not valid UTF-8", failed,
                        cause);
            }
            throw cause;
        }
        catch (CsvParseException e) {
            long failed = row + 1;
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new RejectedFileException("INVALID_DATA", "row " + failed + ": " + cause.getMessage(), failed, e);
        }
    }

    @Override
    public long rowNumber() {
        return row;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    /** Fills the current RawRow straight from the parser's buffer. */
    private static final class Fields extends AbstractBaseCsvCallbackHandler<RawRow> {

        private final int maxFieldChars;

        private RawRow into;

        private boolean blank;

        private int tooLong;

        Fields(int maxFieldChars) {
            this.maxFieldChars = maxFieldChars;
        }

        @Override
        protected void handleBegin(long startingLineNumber) {
            into.reset(0);
            tooLong = -1;
        }

        @Override
        protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
            if (len > maxFieldChars && tooLong < 0) {
                tooLong = index;
            }
            into.set(index, len == 0 && !quoted ? null : new String(buf, offset, len), false);
        }

        @Override
        protected RawRow buildRecord() {
            blank = getRecordType() == RecordType.EMPTY;
            if (blank) {
                into.set(0, null, false);
            }
            return into;
        }

    }

}
