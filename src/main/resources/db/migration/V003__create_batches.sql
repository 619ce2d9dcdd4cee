-- Batches of files that sites upload, and the files themselves.
CREATE TABLE batches (
    id                   UUID PRIMARY KEY,
    account_id           UUID        NOT NULL REFERENCES accounts (id),
    site_id              UUID        NOT NULL REFERENCES sites (id),
    status               TEXT        NOT NULL CHECK (status IN ('IN_PROGRESS', 'COMPLETED', 'COMPLETED_WITH_WARNINGS',
                                                              'FAILED', 'CANCELLED', 'NOT_COMPLETED')),
    s3_prefix            TEXT        NOT NULL,
    uploaded_files_count INTEGER     NOT NULL DEFAULT 0,
    total_size           BIGINT      NOT NULL DEFAULT 0,
    has_errors           BOOLEAN     NOT NULL DEFAULT FALSE,
    failure_reason       TEXT,
    started_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at         TIMESTAMPTZ,
    deleted_at           TIMESTAMPTZ
);
-- one open batch per site: of two concurrent starts exactly one inserts
CREATE UNIQUE INDEX batches_one_open_per_site ON batches (site_id) WHERE status = 'IN_PROGRESS';
CREATE INDEX batches_account_status_idx ON batches (account_id, status);
CREATE INDEX batches_started_idx ON batches (started_at);

-- a file name is reserved (UPLOADING) before its bytes stream to S3, so that of two concurrent uploads of one
-- name exactly one proceeds; a failed upload deletes its reservation, so the client may retry
CREATE TABLE batch_files (
    id           UUID PRIMARY KEY,
    batch_id     UUID        NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
    file_name    TEXT        NOT NULL,
    s3_key       TEXT        NOT NULL,
    state        TEXT        NOT NULL CHECK (state IN ('UPLOADING', 'UPLOADED')),
    file_size    BIGINT,
    content_type TEXT,
    md5          TEXT,
    sha256       TEXT,
    reserved_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    uploaded_at  TIMESTAMPTZ,
    UNIQUE (batch_id, file_name)
);
