-- Tenant purges: who asked, when, how far it got (counts per kind, added chunk by chunk in the chunk's
-- transaction) and whether it finished. The account row itself goes with the purge; this record stays.
CREATE TABLE purges (
    id           UUID PRIMARY KEY,
    account_id   UUID        NOT NULL,
    via          TEXT        NOT NULL CHECK (via IN ('api', 'cli')),
    requested_by TEXT        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    state        TEXT        NOT NULL CHECK (state IN ('running', 'completed')),
    counts       JSONB       NOT NULL DEFAULT '{}'::jsonb,
    attempts     INTEGER     NOT NULL DEFAULT 0,
    error        TEXT,
    retry_at     TIMESTAMPTZ,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at  TIMESTAMPTZ
);
CREATE UNIQUE INDEX purges_one_running_per_account ON purges (account_id) WHERE state = 'running';
CREATE INDEX purges_account_idx ON purges (account_id, requested_at DESC);

-- a purge deletes error reports by account, chunk by chunk
CREATE INDEX error_logs_account_idx ON error_logs (account_id, reported_at);
