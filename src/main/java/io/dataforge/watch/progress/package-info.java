/**
 * What happened to each watched file: {@code watch_progress}, the outcomes and the admin
 * view of them.
 * <ul>
 * <li>In: the processor's steps for one file (claimed, checksum, each key as it is
 * stored) and how the file ended (completed, rejected, retry later, vanished); recovery's
 * resets and the rows rebuilt from completion markers;
 * {@code GET /api/v1/admin/watch/files} (ADMIN only) with optional status, path prefix,
 * page and sort.</li>
 * <li>Out: one {@code watch_progress} row per file (pending, in_progress, completed,
 * failed; its keys, attempts, interruptions, error and next attempt), each step written
 * at once outside any long transaction, and the leader's in-memory copy of it that the
 * scanner reads; the metrics {@code dataforge.watch.files}, {@code .objects} and
 * {@code .queued}; pages of watched files as JSON.</li>
 * <li>Bad input: a rejected file is moved under its relative path into the error folder
 * with a {@code <name>.error.json} (time, path, errorType, details, row), its objects
 * deleted and its row failed. A file that met a passing fault waits with exponential
 * backoff ({@code retry-backoff} doubling up to {@code max-retry-backoff}); when even
 * that cannot be written, its row stays in progress for the next lock holder to redo, and
 * a move into the error folder that fails is retried the same way. An unknown status in
 * the admin query is a 400.</li>
 * <li>Replay: the table says how far each file got, so a restart redoes only what did not
 * finish; a file moved back from the error folder, or changed, is processed again, and a
 * new version that produces fewer objects removes the stale ones of the old.</li>
 * </ul>
 */
package io.dataforge.watch.progress;
