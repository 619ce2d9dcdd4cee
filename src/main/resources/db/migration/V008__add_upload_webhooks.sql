-- Callbacks of uploads: delivered from a queue after the load's outcome; their state is visible on the upload.
ALTER TABLE uploads
    ADD COLUMN webhook_status       TEXT CHECK (webhook_status IN ('pending', 'delivered', 'failed')),
    ADD COLUMN webhook_published    BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN webhook_attempts     INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN webhook_error        TEXT,
    ADD COLUMN webhook_delivered_at TIMESTAMPTZ;
CREATE INDEX uploads_unpublished_webhooks_idx ON uploads (completed_at) WHERE NOT webhook_published;

-- the per-account key callbacks are signed with (HMAC-SHA256); an admin reads or rotates it
CREATE TABLE webhook_secrets (
    account_id UUID PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    secret     TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
