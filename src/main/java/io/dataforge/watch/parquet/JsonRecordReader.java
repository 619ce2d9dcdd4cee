package io.dataforge.watch.parquet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.SerializedString;
import io.dataforge.platform.text.Utf8Reader;
import io.dataforge.watch.RejectedFileException;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;

/**
 * A top-level JSON array of objects, or JSON lines (one object per line, blank lines
 * ignored), streamed token by token. A number keeps its literal text (so 1.50 infers
 * DECIMAL scale 2); a nested object or array becomes its compact JSON text; a duplicate
 * key in one object is rejected rather than one value silently winning.
 */
final class JsonRecordReader implements RecordReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();

    private final JsonParser parser;

    private final boolean lines;

    private final Columns columns;

    private final int maxFieldChars;

    private long row;

    private boolean done;

    JsonRecordReader(InputStream in, boolean lines, Columns columns, ConversionSettings settings)
            throws IOException, RejectedFileException {
        this.parser = FACTORY.createParser(Utf8Reader.strict(in));
        this.lines = lines;
        this.columns = columns;
        this.maxFieldChars = settings.maxFieldChars();
        if (!lines && token() != JsonToken.START_ARRAY) {
            throw new RejectedFileException("INVALID_DATA", "expected a JSON array of objects", null, null);
        }
    }

    @Override
    public boolean next(RawRow out) throws IOException, RejectedFileException {
        if (done) {
            return false;
        }
        JsonToken token = token();
        if (token == null || (!lines && token == JsonToken.END_ARRAY)) {
            return end(token);
        }
        row++;
        if (token != JsonToken.START_OBJECT) {
            throw reject("record " + row + " is not a JSON object", null);
        }
        out.reset(columns.size());
        while ((token = token()) == JsonToken.FIELD_NAME) {
            int column = columns.indexOf(parser.currentName());
            token = token();
            String value = switch (token) {
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getText();
                case VALUE_TRUE -> "true";
                case VALUE_FALSE -> "false";
                case VALUE_NULL -> null;
                default -> compactJson();
            };
            if (value != null && value.length() > maxFieldChars) {
                throw reject("record " + row + " field " + columns.name(column) + " is longer than " + maxFieldChars
                        + " characters", null);
            }
            boolean textOnly = token == JsonToken.VALUE_STRING || token.isStructStart();
            out.set(column, value, textOnly);
        }
        return true;
    }

    private boolean end(JsonToken token) throws IOException, RejectedFileException {
        done = true;
        if (token == null && !lines) {
            throw reject("the JSON array is not closed", null);
        }
        if (token != null && token() != null) {
            throw reject("content after the closing ] of the JSON array", null);
        }
        return false;
    }

    private String compactJson() throws IOException, RejectedFileException {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(text)) {
            generator.setRootValueSeparator(new SerializedString(""));
            generator.copyCurrentStructure(parser);
        }
        catch (JsonProcessingException e) {
            throw unparsable(e);
        }
        return text.toString();
    }

    private JsonToken token() throws IOException, RejectedFileException {
        try {
            return parser.nextToken();
        }
        catch (CharacterCodingException e) {
            throw new RejectedFileException("INVALID_ENCODING", "record " + (row + 1) + " is not valid UTF-8", row + 1,
                    e);
        }
        catch (JsonProcessingException e) {
            throw unparsable(e);
        }
    }

    /**
     * A parser's limit (nesting depth, number or string length) is named as such: no
     * retry can pass it.
     */
    private RejectedFileException unparsable(JsonProcessingException e) {
        String message = "record " + Math.max(row, 1) + ": " + e.getOriginalMessage();
        return e instanceof StreamConstraintsException
                ? new RejectedFileException("LIMIT_EXCEEDED", message, Math.max(row, 1), e) : reject(message, e);
    }

    private RejectedFileException reject(String message, Throwable cause) {
        return new RejectedFileException("INVALID_DATA", message, Math.max(row, 1), cause);
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
