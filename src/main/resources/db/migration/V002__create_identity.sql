-- Tenants (accounts), their sites and API clients, admin users, admin audit, and login throttling.
CREATE TABLE accounts (
    id          UUID PRIMARY KEY,
    email       TEXT        NOT NULL,
    name        TEXT        NOT NULL,
    is_active   BOOLEAN     NOT NULL DEFAULT TRUE,
    deleted_at  TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_email_key ON accounts (lower(email));
CREATE INDEX accounts_created_idx ON accounts (created_at);

CREATE TABLE sites (
    id                UUID PRIMARY KEY,
    account_id        UUID        NOT NULL REFERENCES accounts (id),
    domain            TEXT        NOT NULL,
    display_name      TEXT        NOT NULL,
    secret_hash       TEXT        NOT NULL,
    is_active         BOOLEAN     NOT NULL DEFAULT TRUE,
    deleted_at        TIMESTAMPTZ,
    secret_rotated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX sites_domain_key ON sites (lower(domain));
CREATE INDEX sites_account_idx ON sites (account_id);

CREATE TABLE api_clients (
    id                UUID PRIMARY KEY,
    account_id        UUID        NOT NULL REFERENCES accounts (id),
    client_id         TEXT        NOT NULL UNIQUE,
    name              TEXT        NOT NULL,
    roles             TEXT[]      NOT NULL,
    secret_hash       TEXT        NOT NULL,
    is_active         BOOLEAN     NOT NULL DEFAULT TRUE,
    deleted_at        TIMESTAMPTZ,
    secret_rotated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX api_clients_account_idx ON api_clients (account_id);

CREATE TABLE admin_users (
    username      TEXT PRIMARY KEY,
    password_hash TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE admin_audit (
    id          BIGSERIAL PRIMARY KEY,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    target_type TEXT        NOT NULL,
    target_id   TEXT        NOT NULL,
    details     JSONB       NOT NULL DEFAULT '{}'::jsonb,
    at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX admin_audit_target_idx ON admin_audit (target_type, target_id);

-- failed logins per principal (domain, client id or admin user), shared by every instance
CREATE TABLE login_failures (
    principal     TEXT PRIMARY KEY,
    failures      INTEGER     NOT NULL,
    window_start  TIMESTAMPTZ NOT NULL,
    blocked_until TIMESTAMPTZ
);
