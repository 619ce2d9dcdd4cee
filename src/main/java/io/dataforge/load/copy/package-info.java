/**
 * The load worker: a staged file into the dataset's table with one COPY.
 * <p>
 * In: load messages {@code {"uploadId"}} on the {@code dataforge.load} queue (route
 * {@code load.copy}) and the staged object they name, read from S3 through gunzip and the
 * CSV parser. The same CSV reading and header mapping check the file at upload (staging),
 * so what staging accepted the copy reads alike. Out: the rows, with {@code tenant_id}
 * and {@code upload_id}, in one transaction that also marks the upload completed;
 * progress on the {@code uploads} row as it goes; {@code upload.completed} /
 * {@code upload.failed} events; the staged object deleted after a completed load (a
 * batch's file is left where it is); the callback, if any, queued.
 * <p>
 * Bad row: a value that does not fit its column or a row of the wrong width is left out
 * and recorded in {@code load_row_errors} (up to {@code maxRecordedErrors}); past
 * {@code maxBadRows} or {@code maxBadRowsPercent}, on a broken CSV structure, a header
 * the dataset refuses or data PostgreSQL refuses, the load fails with the reason and none
 * of its rows are kept. Storage and database faults propagate: the route redelivers, then
 * dead-letters the message and marks the upload failed.
 * <p>
 * Replay: a redelivered message waits on the upload's advisory lock and finds it
 * finished; a failed upload is loaded again from its staged object by {@code POST
 * /api/v1/uploads/{id}/retry}, the previous attempt's row errors removed.
 */
package io.dataforge.load.copy;
