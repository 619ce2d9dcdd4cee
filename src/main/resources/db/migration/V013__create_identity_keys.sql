-- The keys every replica must share: the token signing key and the key of the client
-- secrets' hashes. The first replica to start writes them (or carries over the ones an
-- earlier single instance kept in its data folder); every replica reads them. A key set in
-- configuration wins and is never written here.
CREATE TABLE identity_keys (
    name       text PRIMARY KEY,
    material   text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
