-- Datasets: each is a table in the "datasets" schema; its declaration (columns, types, required, pii, indexes)
-- is kept here as JSON, and changed only together with the table's DDL, in one transaction.
CREATE SCHEMA IF NOT EXISTS datasets;

CREATE TABLE dataset_definitions (
    name       TEXT PRIMARY KEY,
    definition JSONB       NOT NULL,
    version    INTEGER     NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
