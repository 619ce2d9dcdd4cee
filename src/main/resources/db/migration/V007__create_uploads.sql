-- CSV uploads that load into a dataset: staged in S3, queued, then COPYed by a worker.
CREATE TABLE uploads (
    id                    UUID PRIMARY KEY,
    account_id            UUID        NOT NULL REFERENCES accounts (id),
    dataset               TEXT        NOT NULL,
    file_name             TEXT        NOT NULL,
    data_source_name      TEXT,
    callback_url          TEXT,
    staging_key           TEXT        NOT NULL,
    gzipped               BOOLEAN     NOT NULL,
    size_bytes            BIGINT      NOT NULL,
    row_count             BIGINT      NOT NULL,
    status                TEXT        NOT NULL CHECK (status IN ('uploaded', 'processing', 'completed', 'failed')),
    attempt               INTEGER     NOT NULL DEFAULT 0,
    rows_processed        BIGINT      NOT NULL DEFAULT 0,
    rows_failed           BIGINT      NOT NULL DEFAULT 0,
    bytes_read            BIGINT      NOT NULL DEFAULT 0,
    created_rows          BIGINT,
    skipped_rows          BIGINT,
    error_message         TEXT,
    -- outbox: the load message is published from the committed row; a sweeper publishes what is left false, to
    -- the queue the row names (instances on other load queues leave it alone)
    published             BOOLEAN     NOT NULL DEFAULT FALSE,
    load_queue            TEXT        NOT NULL,
    created_by            TEXT,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    processing_started_at TIMESTAMPTZ,
    completed_at          TIMESTAMPTZ
);
CREATE INDEX uploads_account_created_idx ON uploads (account_id, created_at DESC);
CREATE INDEX uploads_unpublished_idx ON uploads (created_at) WHERE NOT published;

-- rows a load left out, with why; written outside the load transaction so a failed load still shows them
CREATE TABLE load_row_errors (
    upload_id   UUID   NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
    row_number  BIGINT NOT NULL,
    column_name TEXT,
    reason      TEXT   NOT NULL,
    raw_excerpt TEXT,
    PRIMARY KEY (upload_id, row_number)
);

-- Bucket4j's token buckets (upload rate per tenant), shared by every instance
CREATE TABLE rate_limit_buckets (
    id    TEXT PRIMARY KEY,
    state BYTEA
);
