CREATE TABLE users (id int PRIMARY KEY, username varchar(64) NOT NULL CONSTRAINT users_username_check CHECK (username <> ''));
CREATE UNIQUE INDEX users_username_lower_key ON users (lower(username));
CREATE INDEX users_username_short_idx ON users (username) WHERE length(username) < 8;
