-- Runs after R__account_totals.sql (descriptions in order): the view it grants on exists by then.
GRANT SELECT ON account_totals TO strata_reader;
