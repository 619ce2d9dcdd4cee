/**
 * One queued file streamed into S3.
 * <ul>
 * <li>In: a path relative to the watched folder, taken from the {@code watch.process}
 * queue by one of {@code dataforge.watch.concurrency} consumers and claimed in
 * {@code watch_progress} (a file another worker holds is left to it).</li>
 * <li>Out: objects under the same relative path, each a multipart upload straight from
 * the stream: an archive entry by entry ({@link io.dataforge.watch.archive}), csv, tsv,
 * json, jsonl and xml converted to Parquet ({@link io.dataforge.watch.parquet}), anything
 * else as it is with its content type; each carries the source's path, size, mtime and
 * SHA-256 in its metadata. Then the completion marker, then the outcome to
 * {@link io.dataforge.watch.progress}. A file whose size or mtime changed but whose
 * SHA-256 did not uploads nothing.</li>
 * <li>Bad input: {@link io.dataforge.watch.process.Rejections} is the one rule. A
 * rejected archive or data file, or any failure that would fail the same way again (a
 * parser's limit, running out of memory, a bug), sends the file to the error folder at
 * once with its error type; a passing fault of the storage, the database, the broker or
 * the folder's file system leaves it for a retry with backoff. A rejected file's objects
 * are deleted; a retried one keeps its recorded keys, so the next attempt overwrites them
 * or removes those it no longer produces. A file that vanishes mid-way loses its partial
 * objects and its row.</li>
 * <li>Replay: processing starts from the first byte every time and writes the same keys;
 * a widening restart of a conversion reopens the entry and aborts its previous upload. A
 * run killed mid-file leaves the row in progress with the keys stored so far; recovery
 * aborts its unfinished uploads and the file is done again.</li>
 * </ul>
 */
package io.dataforge.watch.process;
