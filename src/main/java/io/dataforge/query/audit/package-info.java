/**
 * The audit log's admin side: {@code GET /admin/audit} and the upkeep of the
 * {@code audit_log} partitions. The log itself, {@link io.dataforge.query.AuditLog},
 * stays in the capability's base package: exports write to it too.
 * <p>
 * In: an admin's search (tenantId, dataset, principal, action, from, to, page, size);
 * every {@code dataforge.query.audit-partition-check}, a tick of the timer (route
 * {@code query.audit-partitions}). Out: a page of audit rows, newest first (route
 * {@code query.audit}); monthly partitions created three months ahead.
 * <p>
 * Bad record: a tenantId that is not a UUID, or a from / to that is not an ISO date-time
 * with an offset, is a 400 with the reason, as is an unknown sort column; filter values
 * are bound parameters, never spliced. A failed partition check is logged and counted
 * ({@code platform.background}) and made again at the next tick and at every start-up.
 * <p>
 * Replay: the search only reads and can be repeated at will; creating the partitions is
 * idempotent (a partition that exists is left as it is).
 */
package io.dataforge.query.audit;
