package io.dataforge.platform.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails with 413 as soon as more than {@code limit} bytes have been read: the limit holds
 * while streaming.
 */
public final class SizeLimitedInputStream extends FilterInputStream {

    private final long limit;

    private final String code;

    private long count;

    public SizeLimitedInputStream(InputStream in, long limit) {
        this(in, limit, "FILE_TOO_LARGE");
    }

    /** {@code code}: the error code of the 413. */
    public SizeLimitedInputStream(InputStream in, long limit, String code) {
        super(in);
        this.limit = limit;
        this.code = code;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(int n) {
        count += n;
        if (count > limit) {
            throw new ApiException(413, "File exceeds the limit of " + limit + " bytes", code, null);
        }
    }

}
