/**
 * A batch's life as its site drives it: start, stream files in, close; and the timeout
 * that closes it instead.
 * <p>
 * In: the site clients' batch API under {@code /api/v1/batch} (role SITE; the site comes
 * from its token and must still be active to start): start, multipart upload (parts named
 * {@code files}, gzip), complete, complete-with-warnings, fail {@code {reason}}, cancel;
 * and route {@code batches.expire} of {@code routes/batches/schedules.camel.yaml}, which
 * calls the bean {@code expireBatchesProcessor}. Out: each file streamed to S3 under
 * {@code {accountId}/{domain}/{yyyy-MM-dd}/{HH-mm}/} with its MD5 and SHA-256 computed on
 * the way; rows in {@code batches} and {@code batch_files}; {@code batch.*} and
 * {@code file.uploaded} events and their meters. The base package's
 * {@link io.dataforge.batches.Batches} reads through
 * {@link io.dataforge.batches.lifecycle.BatchRepository}.
 * <p>
 * Bad file: refused while streaming (415 not gzip, 413 past {@code max-file-size}, 400 a
 * bad or duplicate name or one file too many) with its S3 upload aborted and its name
 * reservation dropped, so nothing of it is kept; files of the same request stored before
 * it stay. An unknown batch is 404, another site's 403, a closed one 409.
 * <p>
 * Replay: the site sends the refused file again while the batch is IN_PROGRESS (a
 * reservation left by a killed upload is taken over after {@code stale-reservation}); a
 * batch closes once, a second close is 409. The timeout run only moves batches still
 * IN_PROGRESS past {@code timeout}, so running it again is harmless; a failed run is
 * recorded as a dead letter and the next scheduled run catches up.
 */
package io.dataforge.batches.lifecycle;
