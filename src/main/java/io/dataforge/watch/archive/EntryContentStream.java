package io.dataforge.watch.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An entry's bytes as handed on: closing it leaves the archive open, and a failure to
 * read says where it happened and travels as an {@link ArchiveRejection}, so it is never
 * mistaken for a failure of whoever is reading.
 */
final class EntryContentStream extends FilterInputStream {

    private final String location;

    EntryContentStream(InputStream in, String location) {
        super(in);
        this.location = location;
    }

    @Override
    public int read() throws IOException {
        try {
            return in.read();
        }
        catch (IOException e) {
            throw ArchiveRejection.of(e, location);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return in.read(buffer, offset, length);
        }
        catch (IOException e) {
            throw ArchiveRejection.of(e, location);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return in.skip(n);
        }
        catch (IOException e) {
            throw ArchiveRejection.of(e, location);
        }
    }

    @Override
    public int available() throws IOException {
        try {
            return in.available();
        }
        catch (IOException e) {
            throw ArchiveRejection.of(e, location);
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // the archive owns the underlying stream
    }

}
