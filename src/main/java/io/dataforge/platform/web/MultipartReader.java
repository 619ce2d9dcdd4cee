package io.dataforge.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * The framing of a multipart body: finds each delimiter ({@code CRLF--boundary}) and
 * hands out the headers and the body of each part in turn, the body as a stream read from
 * the socket through one buffer. commons-fileupload's own reader compares every byte
 * against the boundary (about 300 MB/s here, most of a batch upload's request thread);
 * this one skips through the body with Boyer-Moore-Horspool, which on file data looks at
 * a few bytes in each delimiter's length. Header parsing stays commons-fileupload's
 * ({@link StreamingMultipart}).
 */
final class MultipartReader {

    /** Malformed framing: a missing delimiter, a truncated body, oversized headers. */
    static final class MalformedMultipartException extends IOException {

        MalformedMultipartException(String message) {
            super(message);
        }

    }

    private static final int BUFFER_SIZE = 64 * 1024;

    private static final byte CR = '\r';

    private static final byte LF = '\n';

    private static final byte DASH = '-';

    private final InputStream in;

    /** CRLF, two dashes and the boundary. */
    private final byte[] delimiter;

    private final int[] skip = new int[256];

    private final int maxHeaderBytes;

    private final Charset headerCharset;

    private final byte[] buffer = new byte[BUFFER_SIZE];

    private int pos;

    private int limit;

    private boolean eof;

    private PartBody body;

    private boolean finished;

    MultipartReader(InputStream in, byte[] boundary, int maxHeaderBytes, Charset headerCharset) {
        this.in = in;
        this.delimiter = new byte[boundary.length + 4];
        delimiter[0] = CR;
        delimiter[1] = LF;
        delimiter[2] = DASH;
        delimiter[3] = DASH;
        System.arraycopy(boundary, 0, delimiter, 4, boundary.length);
        Arrays.fill(skip, delimiter.length);
        for (int i = 0; i < delimiter.length - 1; i++) {
            skip[delimiter[i] & 0xff] = delimiter.length - 1 - i;
        }
        this.maxHeaderBytes = maxHeaderBytes;
        this.headerCharset = headerCharset;
        // the first delimiter has no CRLF of its own before it: a CRLF in front lets one
        // search find them all (and skips any preamble)
        buffer[0] = CR;
        buffer[1] = LF;
        limit = 2;
    }

    /**
     * Moves to the next part, skipping what is left of the current one: its headers as
     * one string, or null after the closing delimiter.
     */
    String nextPart() throws IOException {
        if (finished) {
            return null;
        }
        if (body != null) {
            body.skipRest();
        }
        else if (!skipToDelimiter()) {
            throw new MalformedMultipartException("no multipart boundary found in the body");
        }
        pos += delimiter.length;
        ensure(2);
        if (buffer[pos] == DASH && buffer[pos + 1] == DASH) {
            finished = true;
            body = null;
            return null;
        }
        skipLineEnd();
        String headers = readHeaders();
        body = new PartBody();
        return headers;
    }

    /** The current part's body, up to the next delimiter. */
    InputStream body() {
        return body;
    }

    /** Past the delimiter: optional transport padding, then CRLF. */
    private void skipLineEnd() throws IOException {
        while (true) {
            ensure(1);
            byte b = buffer[pos];
            if (b == ' ' || b == '\t') {
                pos++;
                continue;
            }
            ensure(2);
            if (buffer[pos] != CR || buffer[pos + 1] != LF) {
                throw new MalformedMultipartException("a boundary line does not end with CRLF");
            }
            pos += 2;
            return;
        }
    }

    /**
     * The header block with its empty line (as commons-fileupload parses it), at most
     * {@code maxHeaderBytes}.
     */
    private String readHeaders() throws IOException {
        int scanned = 0;
        while (true) {
            if (scanned == 0 && limit - pos >= 2 && buffer[pos] == CR && buffer[pos + 1] == LF) {
                pos += 2;
                return "\r\n";
            }
            while (pos + scanned + 4 <= limit) {
                int i = pos + scanned;
                if (buffer[i] == CR && buffer[i + 1] == LF && buffer[i + 2] == CR && buffer[i + 3] == LF) {
                    String headers = new String(buffer, pos, scanned + 4, headerCharset);
                    pos = i + 4;
                    return headers;
                }
                if (++scanned > maxHeaderBytes) {
                    throw new MalformedMultipartException("the headers of a part exceed " + maxHeaderBytes + " bytes");
                }
            }
            if (!fill()) {
                throw truncated();
            }
        }
    }

    /** Moves {@code pos} to the next delimiter; false at the end of input without one. */
    private boolean skipToDelimiter() throws IOException {
        while (true) {
            int found = find();
            if (found >= 0) {
                pos = found;
                return true;
            }
            pos = Math.max(pos, limit - delimiter.length + 1);
            if (!fill()) {
                return false;
            }
        }
    }

    /** The index of the next delimiter in the buffer, or -1. */
    private int find() {
        int last = delimiter.length - 1;
        int i = pos;
        while (i + last < limit) {
            byte end = buffer[i + last];
            if (end == delimiter[last] && matchesAt(i)) {
                return i;
            }
            i += skip[end & 0xff];
        }
        return -1;
    }

    private boolean matchesAt(int index) {
        return Arrays.equals(buffer, index, index + delimiter.length, delimiter, 0, delimiter.length);
    }

    /** At least {@code n} bytes from {@code pos}, or a truncated-body error. */
    private void ensure(int n) throws IOException {
        while (limit - pos < n) {
            if (!fill()) {
                throw truncated();
            }
        }
    }

    /** Moves the unread bytes to the front and reads more; false at the end of input. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buffer.length) {
            // only a header block could fill it, and those are capped well below
            throw new MalformedMultipartException("a multipart line is longer than " + buffer.length + " bytes");
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    private static MalformedMultipartException truncated() {
        return new MalformedMultipartException("the body ends in the middle of a part");
    }

    /** One part's bytes: everything before the next delimiter. */
    private final class PartBody extends InputStream {

        /** Where the bytes known to be this part's end in the buffer. */
        private int end = pos;

        /** Whether {@code end} is the delimiter, so the part ends there. */
        private boolean delimited;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!more()) {
                return -1;
            }
            int n = Math.min(end - pos, length);
            System.arraycopy(buffer, pos, into, offset, n);
            pos += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            if (n <= 0 || !more()) {
                return 0;
            }
            int skipped = (int) Math.min(end - pos, n);
            pos += skipped;
            return skipped;
        }

        @Override
        public int available() {
            if (body != this) {
                return 0;
            }
            if (pos == end && !delimited) {
                scan();
            }
            return end - pos;
        }

        void skipRest() throws IOException {
            while (more()) {
                pos = end;
            }
        }

        /** Makes part bytes available from {@code pos}; false at the part's end. */
        private boolean more() throws IOException {
            if (body != this) {
                return false;
            }
            while (pos == end) {
                if (delimited) {
                    return false;
                }
                if (!scan()) {
                    if (!fill()) {
                        throw truncated();
                    }
                    end = pos;
                }
            }
            return true;
        }

        /**
         * Finds how far the part's bytes go: to the delimiter when it is in the buffer,
         * else to all but a delimiter's length (its start may be at the end).
         */
        private boolean scan() {
            int found = find();
            if (found >= 0) {
                end = found;
                delimited = true;
                return true;
            }
            end = Math.max(pos, limit - delimiter.length + 1);
            return end > pos;
        }

        @Override
        public void close() {
            // the rest is skipped by the next nextPart()
        }

    }

}
