/**
 * Watched folder to S3: files and archives dropped into {@code dataforge.watch.dir} are streamed into the
 * bucket under the same relative path, data files converted to Parquet, with progress kept in
 * {@code watch_progress} so a killed process resumes where it stopped.
 */
package io.dataforge.watch;
