CREATE TABLE accounts (id int PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL);
