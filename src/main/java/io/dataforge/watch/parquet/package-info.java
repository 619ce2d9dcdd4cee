/**
 * Data files (csv, tsv, json array, jsonl/ndjson, xml) to compressed Parquet, streamed.
 * <ul>
 * <li>In: a {@link io.dataforge.watch.StreamSource} that can be re-opened and its
 * {@link DataFormat}.</li>
 * <li>Out: one Parquet file (zstd by default, snappy by option) written to
 * {@link ParquetSink#open()}, in production an S3 multipart upload; nothing touches local
 * disk or a Hadoop FileSystem.</li>
 * <li>Types are inferred on the first {@code sampleRows} rows; a later value that does
 * not fit widens its column and the conversion restarts from the source into a fresh sink
 * stream (the previous one aborted), so no value is ever altered or dropped.</li>
 * <li>A bad record (wrong field count, malformed quoting/JSON/XML, invalid UTF-8,
 * over-long field, duplicate key) rejects the whole file with
 * {@link io.dataforge.watch.RejectedFileException} (INVALID_DATA or INVALID_ENCODING) and
 * its 1-based row; I/O faults of the source or sink stay IOExceptions (retryable).</li>
 * <li>Replay: a conversion is a pure function of the source bytes; running it again
 * writes the same Parquet.</li>
 * </ul>
 */
package io.dataforge.watch.parquet;
