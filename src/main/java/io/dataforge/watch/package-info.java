/**
 * Watched folder to S3.
 * <ul>
 * <li>In: any file copied into {@code dataforge.watch.dir}, at any depth, once its size
 * and mtime have been stable for the quiet period (dot-files and the error folder are
 * ignored). One instance at a time watches (a PostgreSQL advisory lock keyed on bucket
 * and prefix).</li>
 * <li>Out: objects under the same relative path: archives (zip, tar, gz, bz2, xz, 7z,
 * nested) unpacked as they stream under the archive's path without its extension; csv,
 * tsv, json, jsonl and xml converted to Parquet ({@code .parquet}); anything else as it
 * is. Each object carries the source's path, size, mtime and SHA-256 in its metadata; a
 * marker under {@code .dataforge/watch/} records each completed file.</li>
 * <li>Bad input: unsafe (zip-slip, bomb), corrupt, encrypted or unsupported archives and
 * unconvertible data go to the error folder with a {@code .error.json}; nothing of them
 * stays in S3. Storage or database faults leave the file in place and retry with
 * exponential backoff.</li>
 * <li>Replay: {@code watch_progress} holds each file's state; a killed run's files are
 * redone from the start (unfinished multipart uploads aborted), a lost table is rebuilt
 * from the markers, a changed file goes again, and moving a file back from the error
 * folder retries it.</li>
 * </ul>
 */
package io.dataforge.watch;
