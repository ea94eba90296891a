RENAME TABLE audit_log TO audit_entries, old_orders TO archived_orders;
