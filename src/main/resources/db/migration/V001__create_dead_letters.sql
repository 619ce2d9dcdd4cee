-- Messages and exchanges that failed every redelivery, kept for admins to inspect and replay.
CREATE TABLE dead_letters (
    id             BIGSERIAL PRIMARY KEY,
    route_id       TEXT        NOT NULL,
    endpoint_uri   TEXT        NOT NULL,
    exchange_id    TEXT        NOT NULL,
    failed_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    error_type     TEXT        NOT NULL,
    error_message  TEXT,
    headers        JSONB       NOT NULL DEFAULT '{}'::jsonb,
    body           BYTEA,
    body_truncated BOOLEAN     NOT NULL DEFAULT FALSE,
    replay_count   INTEGER     NOT NULL DEFAULT 0,
    replayed_at    TIMESTAMPTZ
);

CREATE INDEX dead_letters_route_failed_idx ON dead_letters (route_id, failed_at DESC);
