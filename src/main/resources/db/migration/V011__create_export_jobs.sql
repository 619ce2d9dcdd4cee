-- Export jobs: ordered over REST or AMQP, rendered by a worker into one object in S3.
CREATE TABLE export_jobs (
    id              UUID PRIMARY KEY,
    tenant_id       UUID        NOT NULL REFERENCES accounts (id),
    principal       TEXT        NOT NULL,
    -- the query as ordered, and the rights it was checked with: the worker plans it again from these
    query_definition JSONB      NOT NULL,
    pii_shown       BOOLEAN     NOT NULL,
    dataset         TEXT        NOT NULL,
    format          TEXT        NOT NULL,
    compression     TEXT        NOT NULL,
    -- the same caller ordering the same payload within the idempotency window gets this job back
    request_hash    TEXT        NOT NULL,
    state           TEXT        NOT NULL CHECK (state IN ('Pending', 'Running', 'Succeeded', 'Failed', 'Canceled')),
    cancel_requested BOOLEAN    NOT NULL DEFAULT FALSE,
    attempt         INTEGER     NOT NULL DEFAULT 0,
    estimated_rows  BIGINT,
    rows_processed  BIGINT      NOT NULL DEFAULT 0,
    object_key      TEXT,
    size_bytes      BIGINT,
    error           TEXT,
    -- outbox: the job message is published from the committed row; a job that found its tenant's slots full is
    -- parked (published false) and published again when a slot frees. A parked job is not marked published by a
    -- publisher that sent it before it was parked: parked is cleared only just before the job is sent again.
    published       BOOLEAN     NOT NULL DEFAULT FALSE,
    parked          BOOLEAN     NOT NULL DEFAULT FALSE,
    -- the queue of the instance that took the order: its sweeper publishes the job, to that queue
    export_queue    TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    -- when the file is deleted (retention); expired once it is
    expires_at      TIMESTAMPTZ,
    expired         BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX export_jobs_tenant_created_idx ON export_jobs (tenant_id, created_at DESC);
CREATE INDEX export_jobs_request_idx ON export_jobs (tenant_id, request_hash, created_at DESC);
CREATE INDEX export_jobs_running_idx ON export_jobs (tenant_id) WHERE state = 'Running';
CREATE INDEX export_jobs_waiting_idx ON export_jobs (export_queue, created_at) WHERE state = 'Pending' AND NOT published;
CREATE INDEX export_jobs_expiring_idx ON export_jobs (expires_at) WHERE NOT expired AND object_key IS NOT NULL;
