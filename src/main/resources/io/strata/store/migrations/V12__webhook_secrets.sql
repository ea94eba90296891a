-- Webhook secrets are stored sealed (AES-256-GCM under the master key: "v1:<key id>:<base64 of IV and
-- ciphertext>"), which is longer than the secret itself: a secret of 500 characters takes up to 2052 once sealed.
-- Secrets stored in clear before this version are sealed when a server opens the store.
ALTER TABLE strata_webhooks ALTER COLUMN secret SET DATA TYPE varchar(4000);
