/**
 * Load rules: the files of an account's completed batches loaded into datasets without an
 * upload request.
 * <p>
 * In: {@code GET|PUT /admin/accounts/{accountId}/load-rules} (admin), at most 100
 * {@code {pattern, dataset}} rules, a pattern being a file-name glob;
 * {@code batch.completed} events (route {@code load.batch-files}). Out: the rules in
 * {@code load_rules}, replaced as a whole, in order; for each uploaded file of the batch
 * whose name matches a rule (first match wins), an {@code uploads} row of that dataset
 * loading the batch's S3 object in place (never deleted), queued for the copy like any
 * upload.
 * <p>
 * Bad record: a rule with an invalid pattern or an unknown dataset is a 400 and nothing
 * is stored; a file no rule matches is left alone; a file the dataset refuses fails its
 * upload with the reason, as the copy does for any upload; an unreadable event is
 * redelivered, then dead-lettered. Replay: one upload per batch file, so a repeated event
 * queues nothing twice; a failed upload is loaded again by {@code POST
 * /api/v1/uploads/{id}/retry}.
 */
package io.dataforge.load.rules;
