-- Repeatable: runs after every versioned file, and again whenever this file changes.
CREATE OR REPLACE VIEW account_totals AS
    SELECT owner, sum(balance) AS total FROM accounts GROUP BY owner;

CREATE OR REPLACE FUNCTION account_total(p_owner text) RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(balance), 0) FROM accounts WHERE owner = p_owner
$$;
