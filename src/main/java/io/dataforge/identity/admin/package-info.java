/**
 * The admin REST API for accounts (tenants), their sites and their API clients; ADMIN
 * only.
 * <p>
 * In: JSON requests under {@code /admin/accounts},
 * {@code /admin/accounts/{accountId}/sites}, {@code /admin/accounts/{accountId}/clients},
 * {@code /admin/sites/{id}} and {@code /admin/clients/{id}}: create, list (paged,
 * sorted), get, rename or (de)activate, soft-delete, rotate a secret. Out: rows in
 * {@code accounts}, {@code sites} and {@code api_clients}; an {@code admin_audit} row for
 * every change (never a secret); a new or rotated secret in that one answer only, stored
 * as a keyed hash. Deleting an account deactivates its sites and clients. Account answers
 * carry batch figures asked of {@link io.dataforge.identity.AccountActivity}; the base
 * package's {@code Accounts} answers other capabilities through
 * {@link io.dataforge.identity.admin.AccountRepository#exists}.
 * <p>
 * Bad request: nothing is written. 400 names the field at fault (missing or over-long
 * text, an email or a domain of the wrong shape, roles outside LOADER, VIEWER, EXPORTER,
 * PII_READER), 404 an unknown or deleted account, site or client, 409 an email or domain
 * already taken.
 * <p>
 * Replay: a create is not idempotent (again makes a second API client, or meets 409 for a
 * taken email or domain); an update can be sent again, a second delete is 404, each
 * rotation issues another secret. The audit tells who changed what and when; nothing is
 * replayed from it.
 */
package io.dataforge.identity.admin;
