-- Client error reports, range-partitioned by month; partitions are created ahead by the errors.partitions
-- schedule (and at start-up), never dropped automatically.
CREATE TABLE error_logs (
    id             UUID        NOT NULL,
    reported_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    account_id     UUID        NOT NULL,
    site_id        UUID        NOT NULL,
    batch_id       UUID,
    type           TEXT        NOT NULL,
    title          TEXT        NOT NULL,
    message        TEXT        NOT NULL,
    stack_trace    TEXT,
    client_version TEXT,
    metadata       JSONB,
    PRIMARY KEY (id, reported_at)
) PARTITION BY RANGE (reported_at);

CREATE INDEX error_logs_site_idx ON error_logs (site_id, reported_at);
CREATE INDEX error_logs_batch_idx ON error_logs (batch_id);
CREATE INDEX error_logs_type_idx ON error_logs (type, reported_at);
