CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE api_keys (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    customer_id int NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    label text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);
CREATE UNIQUE INDEX api_keys_customer_label_key ON api_keys (customer_id, label) WHERE revoked_at IS NULL;
