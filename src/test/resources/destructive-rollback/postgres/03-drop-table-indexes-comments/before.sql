-- Unique, partial, expression and multi-column indexes, a unique constraint, comments on the table, a column and an index.
CREATE TABLE accounts (
    id int PRIMARY KEY,
    email varchar(200) NOT NULL,
    handle varchar(40),
    region char(2) NOT NULL DEFAULT 'eu',
    closed boolean NOT NULL DEFAULT false,
    created date NOT NULL,
    CONSTRAINT accounts_handle_key UNIQUE (handle)
);
CREATE UNIQUE INDEX accounts_email_lower_idx ON accounts (lower(email));
CREATE INDEX accounts_open_idx ON accounts (region, created DESC) WHERE NOT closed;
CREATE INDEX accounts_created_idx ON accounts (created);
COMMENT ON TABLE accounts IS 'who may sign in';
COMMENT ON COLUMN accounts.handle IS 'shown to others';
COMMENT ON INDEX accounts_open_idx IS 'open accounts by region';
CREATE TABLE keep (id int PRIMARY KEY);
