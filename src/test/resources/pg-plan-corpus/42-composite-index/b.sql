CREATE TABLE events (id bigint PRIMARY KEY, account_id int NOT NULL, kind text NOT NULL, at timestamptz NOT NULL);
CREATE INDEX events_account_at_idx ON events (account_id, at DESC);
CREATE INDEX events_kind_account_idx ON events (kind, account_id);
