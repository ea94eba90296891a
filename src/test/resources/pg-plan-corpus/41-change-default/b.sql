CREATE TABLE sessions (
    id int PRIMARY KEY,
    kind text NOT NULL DEFAULT 'api',
    ttl_seconds int NOT NULL DEFAULT 86400,
    expires_at timestamptz DEFAULT (now() + interval '1 day')
);
