-- Tamper-evident audit: admin_audit and audit_log rows are hash-chained (HashChain in platform.database).
-- Each new row has its place in the chain (seq 1, 2, 3...) and the hash of the previous row's hash, its seq and
-- its content; rows written before this migration keep seq and hash NULL and are not links (the chain starts at
-- the first hashed row). Only added: old replicas still writing rows without a hash during a rolling update
-- keep working (the verification counts such rows apart).
ALTER TABLE admin_audit ADD COLUMN seq BIGINT, ADD COLUMN hash TEXT;
ALTER TABLE audit_log ADD COLUMN seq BIGINT, ADD COLUMN hash TEXT;

-- One head per chain, a single row: the last link's seq and hash. Moving it in the statement that inserts the
-- row orders the writers of every replica; seeded with seq 0 and the genesis hash (HashChain.GENESIS). The
-- row is updated by its key: an index lookup costs the same however many dead versions of it wait for vacuum,
-- where a scan of the table slowed every insert under load.
CREATE TABLE admin_audit_chain (
    id   SMALLINT PRIMARY KEY CHECK (id = 1),
    seq  BIGINT NOT NULL,
    hash TEXT   NOT NULL
);
INSERT INTO admin_audit_chain (id, seq, hash) VALUES (1, 0, repeat('0', 64));

CREATE TABLE audit_log_chain (
    id   SMALLINT PRIMARY KEY CHECK (id = 1),
    seq  BIGINT NOT NULL,
    hash TEXT   NOT NULL
);
INSERT INTO audit_log_chain (id, seq, hash) VALUES (1, 0, repeat('0', 64));
