-- Token signing keys, each named by the kid tokens carry in their header: the one not
-- retired signs (at most one, whichever replica inserts it first), retired ones still
-- verify until every token they signed has expired, so a rotation logs nobody out. The
-- key V013 stored becomes the first; tokens signed before kids existed carry none and
-- are checked against every key still accepted.
CREATE TABLE token_keys (
    kid        text PRIMARY KEY,
    material   text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    retired_at timestamptz
);

CREATE UNIQUE INDEX token_keys_one_signing ON token_keys ((true)) WHERE retired_at IS NULL;

INSERT INTO token_keys (kid, material) SELECT 'initial', material FROM identity_keys WHERE name = 'jwt-secret';

DELETE FROM identity_keys WHERE name = 'jwt-secret';
