/**
 * CSV files loaded into datasets.
 * <p>
 * In: {@code POST /api/v1/uploads} (multipart, .csv or .csv.gz, role LOADER or ADMIN),
 * streamed into S3 staging while its header is checked against the dataset and its rows
 * counted; a load message on the {@code dataforge.load} queue, published from the
 * committed {@code uploads} row (republished while the broker is away). Out: the rows in
 * the dataset's table (with {@code tenant_id} and {@code upload_id}), one COPY in one
 * transaction with the upload's completed status; {@code upload.completed} /
 * {@code upload.failed} events. Bad file: refused before the 202 (400/413/415, staged
 * object deleted). Bad row: left out and recorded in {@code load_row_errors}; past the
 * threshold the whole load fails and nothing is kept. Replay: a redelivered message finds
 * the upload finished and does nothing; a failed upload is loaded again by {@code POST
 * /api/v1/uploads/{id}/retry} from the staged object, kept until a load completes.
 * <p>
 * Parts: {@code staging} (the upload request into S3), {@code copy} (the COPY worker and
 * row errors), {@code webhooks} (callbacks and their signing keys), {@code rules} (batch
 * files loaded by an account's rules), each answering for itself. This package holds what
 * ties them together and what they share: the {@code uploads} row and its status, the
 * outbox that publishes load and callback messages, the callers, the typed properties,
 * the routes and the uploads' read side. Nothing outside {@code load} uses the parts.
 */
package io.dataforge.load;
