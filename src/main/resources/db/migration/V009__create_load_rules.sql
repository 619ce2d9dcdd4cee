-- Per-account rules that load files of completed batches: a file-name glob → a dataset, first match wins.
CREATE TABLE load_rules (
    account_id UUID    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    pattern    TEXT    NOT NULL,
    dataset    TEXT    NOT NULL,
    PRIMARY KEY (account_id, position)
);

-- an upload made from a batch file loads that file in place (it is never deleted) and exists once per file
ALTER TABLE uploads
    ADD COLUMN batch_file_id UUID UNIQUE,
    ADD COLUMN keep_staged   BOOLEAN NOT NULL DEFAULT FALSE;
