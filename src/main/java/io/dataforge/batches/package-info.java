/**
 * Batches of gzipped CSV files pushed by sites.
 * <p>
 * In: the site clients' batch API (start, multipart upload, complete /
 * complete-with-warnings / fail / cancel). Out: objects under
 * {@code {accountId}/{domain}/{yyyy-MM-dd}/{HH-mm}/} in S3, rows in {@code batches} and
 * {@code batch_files} (size, MD5, SHA-256), {@code batch.*} and {@code file.uploaded}
 * events. Bad file: refused while streaming (415 not gzip, 413 too large, 400 bad or
 * duplicate name) with the S3 upload aborted and its name reservation dropped, so nothing
 * is kept and the client may retry. Open batches past the timeout become NOT_COMPLETED on
 * a schedule.
 * <p>
 * This package holds what other capabilities use ({@link io.dataforge.batches.Batches})
 * and the types the sub-packages share; the site API, upload streaming and the timeout
 * live in {@code batches.lifecycle}, the admin API in {@code batches.admin}, per-account
 * figures and gauges in {@code batches.figures}.
 */
package io.dataforge.batches;
