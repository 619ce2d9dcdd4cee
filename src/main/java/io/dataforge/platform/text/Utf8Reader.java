package io.dataforge.platform.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 text of a byte stream, a leading BOM skipped: the one place a BOM is dealt with,
 * so a parser on top never sees it in its first field (quoted or not). Strict decoding,
 * unlike InputStreamReader, hands out the characters decoded before a bad byte sequence
 * and fails only on the next read, so the parser on top reports the row that holds the
 * bad bytes; replacing decoding turns them into U+FFFD for the caller to judge.
 */
public final class Utf8Reader extends Reader {

    private final InputStream in;

    private final CharsetDecoder decoder;

    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024).flip();

    private boolean eof;

    private boolean flushed;

    private boolean bomChecked;

    private CharacterCodingException pending;

    private Utf8Reader(InputStream in, CodingErrorAction onBadBytes) {
        this.in = in;
        this.decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(onBadBytes)
            .onUnmappableCharacter(onBadBytes);
    }

    /**
     * Fails with a {@link CharacterCodingException} at the first read that reaches bytes
     * that are not UTF-8.
     */
    public static Utf8Reader strict(InputStream in) {
        return new Utf8Reader(in, CodingErrorAction.REPORT);
    }

    /** Reads bytes that are not UTF-8 as U+FFFD, as InputStreamReader does. */
    public static Utf8Reader replacing(InputStream in) {
        return new Utf8Reader(in, CodingErrorAction.REPLACE);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (pending != null) {
            throw pending;
        }
        if (len == 0) {
            return 0;
        }
        if (!bomChecked) {
            skipBom();
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (out.position() == off) {
            if (flushed) {
                return -1;
            }
            CoderResult result = decoder.decode(bytes, out, eof);
            if (result.isError()) {
                pending = new MalformedInputException(result.length());
                if (out.position() > off) {
                    break;
                }
                throw pending;
            }
            if (result.isOverflow()) {
                break;
            }
            if (eof) {
                decoder.flush(out);
                flushed = true;
            }
            else if (out.position() == off) {
                fill();
            }
        }
        return out.position() - off;
    }

    private void skipBom() throws IOException {
        bomChecked = true;
        while (bytes.remaining() < 3 && !eof) {
            fill();
        }
        if (bytes.remaining() >= 3 && (bytes.get(bytes.position()) & 0xFF) == 0xEF
                && (bytes.get(bytes.position() + 1) & 0xFF) == 0xBB
                && (bytes.get(bytes.position() + 2) & 0xFF) == 0xBF) {
            bytes.position(bytes.position() + 3);
        }
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        }
        else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

}
