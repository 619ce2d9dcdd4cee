/**
 * The audit log's admin side: {@code GET /admin/audit}, {@code GET /admin/audit/verify}
 * and the upkeep of the {@code audit_log} partitions. The log itself,
 * {@link io.dataforge.query.AuditLog}, stays in the capability's base package: exports
 * write to it too.
 * <p>
 * The rows of {@code audit_log} and of identity's {@code admin_audit} are hash-chained
 * ({@link io.dataforge.platform.database.HashChain}): each row's hash covers the previous
 * row's hash, its seq and its content, and the statement that inserts it moves the
 * chain's head ({@code audit_log_chain}, {@code admin_audit_chain}). The verification
 * asks each owner to have PostgreSQL walk its chain ({@code AuditLog.verifyChain},
 * {@code AdminAudit.verifyChain}) and names, per chain, the first row whose hash or seq
 * does not follow from the row before, or the last row when the head is not it. The chain
 * starts at the first row with a hash (older rows have none) and, since {@code audit_log}
 * partitions may be dropped, at the first row present: that anchor is trusted (seq 1 is
 * checked against the genesis hash). It proves order and content from the anchor on, not
 * that no one with write access rewrote the chain from a row onwards: the head's hash,
 * answered by every verification, is what to keep elsewhere for that.
 * <p>
 * In: an admin's search (tenantId, dataset, principal, action, from, to, page, size); an
 * admin's verification; every {@code dataforge.query.audit-partition-check}, a tick of
 * the timer (route {@code query.audit-partitions}). Out: a page of audit rows, newest
 * first (route {@code query.audit}); each chain intact or its first broken link, 200
 * either way (route {@code query.audit-verify}); monthly partitions created three months
 * ahead.
 * <p>
 * Bad record: a tenantId that is not a UUID, or a from / to that is not an ISO date-time
 * with an offset, is a 400 with the reason, as is an unknown sort column; filter values
 * are bound parameters, never spliced. A failed partition check is logged and counted
 * ({@code platform.background}) and made again at the next tick and at every start-up.
 * <p>
 * Replay: the search and the verification only read and can be repeated at will; creating
 * the partitions is idempotent (a partition that exists is left as it is).
 */
package io.dataforge.query.audit;
