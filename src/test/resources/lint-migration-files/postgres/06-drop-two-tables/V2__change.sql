DROP TABLE IF EXISTS audit_log, old_orders CASCADE;
