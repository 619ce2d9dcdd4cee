/**
 * Data protection: purging a soft-deleted tenant for good.
 * <p>
 * In: {@code POST /admin/accounts/{id}/purge} (run by the scheduler replicas), {@code GET
 * /admin/accounts/{id}/purge-preview} (a dry run), and the command
 * {@code java -jar data-forge.jar purge --account <id> [--dry-run]} (run in the
 * foreground). Out: every row and object of the tenant deleted by its owning capability
 * ({@link io.dataforge.platform.tenancy.TenantPurger}), the account last; a
 * {@code purges} row with who, when and counts per kind; {@code admin_audit} rows
 * {@code account.purge} and {@code account.purged}. Audit rows stay: the record of who
 * did what is kept, and holds no content of the tenant's data.
 * <p>
 * Bad input: a live account is a 409 (exit 3), an unknown one a 404 (exit 4). A fault
 * (the store or database away) is recorded on the purge and, for purges ordered over the
 * API, tried again after {@code dataforge.privacy.purge-retry}, doubling.
 * <p>
 * Replay: yes. Each chunk commits its deletes with its counts; a purge killed at any
 * point is continued by ordering it again (or, for API purges, by any scheduler replica),
 * and finds only what is left.
 */
package io.dataforge.privacy;
