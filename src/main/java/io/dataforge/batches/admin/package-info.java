/**
 * The admin's view of every site's batches; ADMIN only.
 * <p>
 * In: {@code GET /admin/batches} (paged, sorted, filtered by siteId, accountId, status
 * and a start-time range), {@code GET /admin/batches/{id}}, {@code DELETE
 * /admin/batches/{id}}. Out: batches, one with its uploaded files and its S3 path; a
 * delete marks the batch deleted (an open one becomes CANCELLED, so it no longer blocks
 * its site), writes an {@code admin_audit} row through
 * {@link io.dataforge.identity.AdminAudit}, and leaves its S3 objects where they are.
 * <p>
 * Bad request: nothing is written; 400 for a malformed filter, page or sort, 404 for a
 * malformed, unknown or already deleted batch id.
 * <p>
 * Replay: reads repeat at will; a delete happens once (again is 404) and is not undone
 * through the API, but the files stay in S3.
 */
package io.dataforge.batches.admin;
