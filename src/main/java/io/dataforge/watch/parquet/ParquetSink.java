package io.dataforge.watch.parquet;

import java.io.IOException;
import java.io.OutputStream;

/** One attempt's output: an OutputStream that close() completes, abort() discards. */
public interface ParquetSink {

    OutputStream open() throws IOException;

    /**
     * Discards what was written to {@code attempt} (an S3 multipart upload is aborted);
     * never throws.
     */
    void abort(OutputStream attempt);

}
