CREATE TABLE settings (id int NOT NULL, tenant_id int NOT NULL, key text NOT NULL, value text, PRIMARY KEY (tenant_id, key));
CREATE UNIQUE INDEX settings_id_key ON settings (id);
