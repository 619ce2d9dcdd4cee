/**
 * Logins and the tokens they buy: sites, API clients and admins prove who they are and
 * get an HS256 JWT.
 * <p>
 * In: a site's {@code Basic domain:secret} or an API client's client-credentials grant
 * (form or Basic) at {@code POST /api/v1/auth/token}, an admin's
 * {@code Basic username:password} at {@code /api/v1/auth/admin/token}, a valid bearer
 * token at {@code /api/v1/auth/refresh}. Out: a JWT for
 * {@code dataforge.security.token-ttl} (24 h) in the site clients' shape or RFC 6749's,
 * with roles and the site, client and account it speaks for; failed logins counted in
 * {@code login_failures}; the first admin in {@code admin_users} at start; the
 * token-signing and secret-hash keys, from configuration or generated once under the data
 * folder. The base package builds on this: {@code SecurityConfig} verifies tokens through
 * {@link io.dataforge.identity.tokens.CachingJwtDecoder}, {@code AuthorizationHeaders}
 * checks an API client's credentials through
 * {@link io.dataforge.identity.tokens.ClientLogins}; the admin package keys new secrets
 * with {@link io.dataforge.identity.tokens.Secrets}.
 * <p>
 * Bad credentials: 401 "Invalid credentials" whatever the reason (unknown name, wrong
 * secret, inactive site, client or account; a site's or client's secret is hashed even
 * for an unknown name, so the time taken tells nothing); after
 * {@code throttle.max-failures} failures within {@code throttle.window} the principal
 * gets 429 with {@code retryAfterSeconds} until {@code throttle.block} ends, even with
 * the right secret. A refresh for a site, client or admin that is no longer active is a
 * 401.
 * <p>
 * Replay: nothing is queued or kept to replay; a client asks again and gets a fresh token
 * (its own {@code jti}). Tokens are not stored: a deactivated principal's token lives out
 * its lifetime but cannot be refreshed.
 */
package io.dataforge.identity.tokens;
