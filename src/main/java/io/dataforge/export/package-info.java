/**
 * Exports: a query's rows rendered into one file in S3 by workers, with a signed download
 * link.
 * <p>
 * In: orders ({@code POST /api/v1/exports}, or the same body on the
 * {@code dataforge.exports.requests} queue) of EXPORTER or ADMIN callers, planned by the
 * query capability for the caller's tenant and masking before anything is stored. Out:
 * {@code export_jobs} rows (state, progress, error), one object per job under
 * {@code exports/<tenant>/<job>/}, presigned GET URLs, and an {@code audit_log} row per
 * order refused and per job ended.
 * <p>
 * Bad record: an order that does not plan is refused with the standard error body; a job
 * whose plan no longer holds, or whose file passes its cap, fails with the reason; a job
 * that keeps failing on infrastructure fails after the worker retries and its message
 * lands in {@code dataforge.exports.dlq} with a dead-letter row.
 * <p>
 * Replay: the job row is the outbox; a job message may come any number of times: a
 * finished job ignores it, a running one is held by its worker's advisory lock, and a job
 * whose worker died starts again from its first row into the same key, aborting what the
 * dead worker left, so exactly one file results.
 */
package io.dataforge.export;
