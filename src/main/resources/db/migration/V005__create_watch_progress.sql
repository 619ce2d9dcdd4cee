-- Progress of every file seen in the watched folder, written at each step so a killed process resumes:
-- completed and unchanged files are skipped, in_progress ones are redone from the start.
CREATE TABLE watch_progress (
    path            TEXT PRIMARY KEY,                -- relative to the watched folder, '/'-separated
    size            BIGINT      NOT NULL,
    mtime           TIMESTAMPTZ NOT NULL,
    checksum        TEXT,                            -- SHA-256 (hex) of the file's bytes
    status          TEXT        NOT NULL CHECK (status IN ('pending', 'in_progress', 'completed', 'failed')),
    s3_keys         TEXT[]      NOT NULL DEFAULT '{}',
    error_type      TEXT,
    error           TEXT,
    attempts        INTEGER     NOT NULL DEFAULT 0,
    claimed_by      TEXT,
    next_attempt_at TIMESTAMPTZ,
    detected_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX watch_progress_status_idx ON watch_progress (status);
