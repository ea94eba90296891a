CREATE TABLE logins (id int PRIMARY KEY, user_id int NOT NULL, at timestamptz NOT NULL, logged_out timestamptz);
CREATE INDEX logins_at_idx ON logins (at);
