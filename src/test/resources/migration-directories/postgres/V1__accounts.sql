-- The role the grants below name; roles belong to the server, so another database may have made it already.
DO $$ BEGIN CREATE ROLE strata_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner text NOT NULL,
    balance numeric(12,2) NOT NULL DEFAULT 0
);
