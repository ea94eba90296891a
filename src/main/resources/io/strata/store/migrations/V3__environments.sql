-- Environments: the target databases versions are rolled out to. The URL never holds a password; the
-- credentials column holds a reference (env:NAME, file:PATH or none) that the server resolves when it connects.
CREATE TABLE strata_environments (
    name              varchar(255) PRIMARY KEY,
    tier              varchar(64) NOT NULL,
    promotion_order   integer NOT NULL,
    env_group         varchar(255),
    dialect           varchar(16) NOT NULL,
    url               varchar(2000) NOT NULL,
    credentials       varchar(1000) NOT NULL,
    allow_destructive boolean NOT NULL,
    lint_severities   varchar(4000) NOT NULL,
    created_at        timestamp with time zone NOT NULL
);
