CREATE TABLE webhooks (id int PRIMARY KEY, url text NOT NULL, settings jsonb NOT NULL DEFAULT '{}'::jsonb, last_payload jsonb);
CREATE INDEX webhooks_settings_idx ON webhooks USING gin (settings jsonb_path_ops);
