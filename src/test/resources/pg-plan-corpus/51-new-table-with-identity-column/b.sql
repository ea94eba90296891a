CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL);
CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id int NOT NULL REFERENCES users (id),
    action text NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_user_at_idx ON audit_log (user_id, at);
