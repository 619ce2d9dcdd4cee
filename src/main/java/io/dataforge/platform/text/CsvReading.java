package io.dataforge.platform.text;

import java.io.Reader;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

/**
 * How every CSV (and TSV) in Data Forge is parsed: RFC 4180 with FastCSV, double quotes,
 * no comment lines, and no leniency about broken quoting (an unclosed quote or text after
 * a closing quote fails the record). Records keep the width they have; the caller
 * compares it with the header. A BOM is the text's concern: pass a {@link Utf8Reader}.
 */
public final class CsvReading {

    /**
     * The most characters one record may hold; it bounds the parser's buffer when a stray
     * quote swallows the rest of a file.
     */
    public static final int MAX_RECORD_CHARS = 16 << 20;

    /** What a line with nothing on it is. */
    public enum BlankLines {

        /** not a record at all */
        SKIP,
        /** a record of its own, which a one-column file needs (its value is null) */
        KEEP

    }

    private CsvReading() {
    }

    /**
     * Records of {@code text} split on {@code delimiter}, each handed to {@code handler};
     * closing it closes the text.
     */
    public static <T> CsvReader<T> open(CsvCallbackHandler<T> handler, Reader text, char delimiter,
            BlankLines blankLines) {
        return CsvReader.builder()
            .fieldSeparator(delimiter)
            .quoteCharacter('"')
            .commentStrategy(CommentStrategy.NONE)
            .skipEmptyLines(blankLines == BlankLines.SKIP)
            .allowUnclosedQuote(false)
            .allowExtraCharsAfterClosingQuote(false)
            .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
            .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
            .maxBufferSize(MAX_RECORD_CHARS)
            .build(handler, text);
    }

}
