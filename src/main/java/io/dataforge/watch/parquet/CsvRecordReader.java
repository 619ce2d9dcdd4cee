package io.dataforge.watch.parquet;

import io.dataforge.watch.RejectedFileException;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Iterator;

/**
 * RFC 4180 records (quotes, embedded delimiters and newlines, CRLF) with a header row. An empty unquoted field
 * is null, {@code ""} an empty string (the ALL_NON_NULL quote mode makes Commons CSV tell them apart). A blank
 * line is skipped only when the header has several columns; in a one-column file it is a null value.
 */
final class CsvRecordReader implements RecordReader {

    private final Utf8Reader text;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final int width;
    private final int maxFieldChars;
    private long row;

    CsvRecordReader(InputStream in, char delimiter, Columns columns, ConversionSettings settings)
            throws IOException, RejectedFileException {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setQuoteMode(QuoteMode.ALL_NON_NULL)
                .setIgnoreEmptyLines(false)
                .get();
        this.text = new Utf8Reader(in);
        this.maxFieldChars = settings.maxFieldChars();
        this.parser = format.parse(text);
        this.records = parser.iterator();
        text.limitRecords((long) settings.maxColumns() * (settings.maxFieldChars() + 3L));
        CSVRecord header = nextRecord();
        if (header == null) {
            throw new RejectedFileException("INVALID_DATA", "the file is empty: no header row", null, null);
        }
        columns.defineHeader(header.toList());
        this.width = columns.size();
        text.limitRecords((long) width * (settings.maxFieldChars() + 3L));
    }

    @Override
    public boolean next(RawRow out) throws IOException, RejectedFileException {
        CSVRecord record;
        do {
            record = nextRecord();
            if (record == null) {
                return false;
            }
            row++;
        } while (isBlankLine(record));
        if (record.size() != width) {
            throw new RejectedFileException("INVALID_DATA",
                    "row " + row + " has " + record.size() + " fields, header has " + width, row, null);
        }
        out.reset(width);
        for (int i = 0; i < width; i++) {
            String value = record.get(i);
            if (value != null && value.length() > maxFieldChars) {
                throw new RejectedFileException("INVALID_DATA", "row " + row + " field " + (i + 1)
                        + " is longer than " + maxFieldChars + " characters", row, null);
            }
            out.set(i, value, false);
        }
        return true;
    }

    private boolean isBlankLine(CSVRecord record) {
        return width > 1 && record.size() == 1 && record.get(0) == null;
    }

    private CSVRecord nextRecord() throws IOException, RejectedFileException {
        try {
            text.startRecord();
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            IOException cause = e.getCause();
            long failed = row + 1;
            if (cause instanceof CharacterCodingException) {
                throw new RejectedFileException("INVALID_ENCODING", "row " + failed + " is not valid UTF-8", failed, cause);
            }
            if (cause instanceof CSVException || cause instanceof Utf8Reader.RecordTooLongException) {
                throw new RejectedFileException("INVALID_DATA", "row " + failed + ": " + cause.getMessage(), failed, cause);
            }
            throw cause;
        }
    }

    @Override
    public long rowNumber() {
        return row;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
