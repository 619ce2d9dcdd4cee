/**
 * Accounts (tenants), sites, API clients and admins; tokens and who may call what.
 * <p>
 * In: credentials at the token endpoints; admin requests under {@code /admin}. Out: HS256
 * JWTs (24 h), rows in {@code accounts}, {@code sites}, {@code api_clients},
 * {@code admin_users}, {@code admin_audit}. Bad credentials: 401 "Invalid credentials"
 * whatever the reason, throttled to 429 after repeated failures. Secrets are generated
 * here, shown once, and kept only as keyed hashes. Other capabilities read the caller
 * through {@link io.dataforge.identity.Caller} and site state through
 * {@link io.dataforge.identity.ActiveSites}.
 * <p>
 * {@code admin_audit} rows are hash-chained ({@link io.dataforge.identity.AdminAudit},
 * head {@code admin_audit_chain}): each row's hash covers the previous row's hash, its
 * seq and its content, and the insert moves the head in the same statement.
 * {@code AdminAudit.verifyChain} has PostgreSQL walk the chain and answers its first
 * broken link; {@code GET /admin/audit/verify} (in {@code query.audit}) asks it.
 * <p>
 * This package holds what other capabilities use and the security configuration; logins
 * and tokens live in {@code identity.tokens}, the admin API for accounts, sites and API
 * clients in {@code identity.admin}.
 */
package io.dataforge.identity;
