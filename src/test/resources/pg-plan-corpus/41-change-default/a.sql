CREATE TABLE sessions (
    id int PRIMARY KEY,
    kind text NOT NULL DEFAULT 'web',
    ttl_seconds int NOT NULL DEFAULT 3600,
    expires_at timestamptz DEFAULT now()
);
