-- API keys: who may call the server. Only a salted hash of each secret is kept; a key is revoked, never deleted,
-- so the audit trail's references to it stay readable.
CREATE TABLE strata_api_keys (
    id           varchar(64) PRIMARY KEY,
    holder       varchar(255) NOT NULL,
    role         varchar(16) NOT NULL,
    team         varchar(255),
    secret_hash  varchar(255) NOT NULL,
    created_by   varchar(255) NOT NULL,
    created_at   timestamp with time zone NOT NULL,
    expires_at   timestamp with time zone,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone
);
CREATE INDEX strata_api_keys_holder ON strata_api_keys (holder);
