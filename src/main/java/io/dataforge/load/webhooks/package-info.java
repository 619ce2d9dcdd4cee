/**
 * Callbacks: a finished upload's outcome POSTed to the URL its caller gave, signed with
 * the account's key.
 * <p>
 * In: callback messages {@code {"uploadId"}} on the {@code dataforge.webhooks} queue
 * (route {@code load.webhook}), published from the {@code uploads} row once its load
 * completed or failed; the admin's requests for an account's signing key under
 * {@code /admin/accounts/{accountId}/webhook-secret}. Out: one POST of {@code {uploadId,
 * status, rowsProcessed, rowsFailed, error, timestamp}} with
 * {@code X-DataForge-Signature: sha256=<HMAC-SHA256 of the body>}; the upload's callback
 * status (pending, delivered, failed), attempts and last error; keys in
 * {@code webhook_secrets}, made on first use, rotated on request.
 * <p>
 * Bad delivery: a non-2xx answer or a network error is retried {@code webhooks.retries}
 * times with doubling delays, then the callback is marked failed and a dead letter
 * records it; a URL that now resolves to a loopback or private address is given up at
 * once. Callbacks never hold up loads (their own queue). Replay: a message for a callback
 * no longer pending (a duplicate, or one replayed after it was given up) is skipped; a
 * callback becomes due again when its upload gets a new outcome (a retried load).
 */
package io.dataforge.load.webhooks;
