/**
 * Batches of gzipped CSV files pushed by sites.
 * <p>In: the site clients' batch API (start, multipart upload, complete / complete-with-warnings / fail /
 * cancel). Out: objects under {@code {accountId}/{domain}/{yyyy-MM-dd}/{HH-mm}/} in S3, rows in
 * {@code batches} and {@code batch_files} (size, MD5, SHA-256), {@code batch.*} and {@code file.uploaded}
 * events. Bad file: refused while streaming (415 not gzip, 413 too large, 400 bad or duplicate name) with the
 * S3 upload aborted and its name reservation dropped, so nothing is kept and the client may retry. Open
 * batches past the timeout become NOT_COMPLETED on a schedule.
 */
package io.dataforge.batches;
