package io.dataforge.watch.parquet;

import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Parquet's view of the sink stream: it only needs the position, so no Hadoop FileSystem
 * and no local file (and no .crc) are ever involved. After {@link #discard()} the writer
 * can be closed to free its buffers and codecs while nothing more reaches the sink, which
 * the caller then aborts.
 */
final class StreamOutputFile implements OutputFile {

    private final OutputStream sink;

    private long position;

    private boolean discarding;

    private boolean created;

    StreamOutputFile(OutputStream sink) {
        this.sink = sink;
    }

    long position() {
        return position;
    }

    void discard() {
        discarding = true;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
        if (created) {
            throw new IllegalStateException("a sink stream takes one Parquet file");
        }
        created = true;
        return new PositionOutputStream() {
            @Override
            public long getPos() {
                return position;
            }

            @Override
            public void write(int b) throws IOException {
                if (!discarding) {
                    sink.write(b);
                }
                position++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (!discarding) {
                    sink.write(b, off, len);
                }
                position += len;
            }

            @Override
            public void flush() throws IOException {
                if (!discarding) {
                    sink.flush();
                }
            }

            @Override
            public void close() throws IOException {
                if (!discarding) {
                    sink.close();
                }
            }
        };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
        return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    @Override
    public String getPath() {
        return "stream";
    }

}
