CREATE FUNCTION audit_balance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO account_audit (account_id, old_balance, new_balance) VALUES (OLD.id, OLD.balance, NEW.balance);
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE TRIGGER accounts_audit BEFORE UPDATE OF balance ON accounts
    FOR EACH ROW EXECUTE FUNCTION audit_balance();

ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY accounts_own_rows ON accounts FOR SELECT USING (owner = current_user);

GRANT SELECT ON accounts TO strata_reader;
