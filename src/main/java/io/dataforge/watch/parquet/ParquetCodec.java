package io.dataforge.watch.parquet;

/** Page compression of the written Parquet. */
public enum ParquetCodec {

    ZSTD, SNAPPY, UNCOMPRESSED

}
