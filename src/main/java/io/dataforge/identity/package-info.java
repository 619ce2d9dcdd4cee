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
 * This package holds what other capabilities use and the security configuration; logins
 * and tokens live in {@code identity.tokens}, the admin API for accounts, sites and API
 * clients in {@code identity.admin}.
 */
package io.dataforge.identity;
