-- Who read what: one row per query (and, later, per export), range-partitioned by month. Monthly partitions
-- are created ahead at start-up and daily; the default partition catches anything outside them.
CREATE TABLE audit_log (
    id          BIGINT GENERATED ALWAYS AS IDENTITY,
    at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    action      TEXT        NOT NULL,
    principal   TEXT        NOT NULL,
    tenant_id   UUID,
    dataset     TEXT,
    query_hash  TEXT        NOT NULL,
    row_count   BIGINT,
    status      INTEGER     NOT NULL,
    duration_ms BIGINT      NOT NULL,
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE TABLE audit_log_default PARTITION OF audit_log DEFAULT;
CREATE INDEX audit_log_tenant_idx ON audit_log (tenant_id, at);
CREATE INDEX audit_log_at_idx ON audit_log (at);
