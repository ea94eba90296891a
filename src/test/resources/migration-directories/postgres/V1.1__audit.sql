-- Runs after V1 (version 1.1 > 1): it alters the table V1 creates.
ALTER TABLE accounts ADD COLUMN updated_at timestamptz;

CREATE TABLE account_audit (
    id bigserial PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    old_balance numeric(12,2),
    new_balance numeric(12,2),
    changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX account_audit_account ON account_audit (account_id);
