CREATE TABLE settings (id int PRIMARY KEY, tenant_id int NOT NULL, key text NOT NULL, value text);
