-- Strata's own store: subjects, their versions and branches, dependencies between subjects, settings,
-- validation reports and the hash-chained audit trail. Written once for both stores (H2 in PostgreSQL
-- mode and PostgreSQL), so only types and statements both read the same way.

-- Global ids of versions: one sequence, so two servers never hand out the same id. Subjects and reports
-- draw theirs from another, so that schema ids run 1, 2, 3 as Kafka users expect.
CREATE SEQUENCE strata_ids START WITH 1;
CREATE SEQUENCE strata_row_ids START WITH 1;

CREATE TABLE strata_config (
    name  varchar(200) PRIMARY KEY,
    setting varchar(200) NOT NULL
);
INSERT INTO strata_config (name, setting) VALUES ('compatibility', 'BACKWARD');
INSERT INTO strata_config (name, setting) VALUES ('mode', 'READWRITE');

CREATE TABLE strata_subjects (
    id            bigint PRIMARY KEY,
    name          varchar(255) NOT NULL UNIQUE,
    format        varchar(16) NOT NULL,
    dialect       varchar(16),
    compatibility varchar(32),
    owner         varchar(255),
    description   varchar(4000),
    tags          varchar(4000) NOT NULL,
    deleted       boolean NOT NULL,
    created_at    timestamp with time zone NOT NULL,
    updated_at    timestamp with time zone NOT NULL
);

CREATE TABLE strata_branches (
    subject_id   bigint NOT NULL REFERENCES strata_subjects (id) ON DELETE CASCADE,
    name         varchar(255) NOT NULL,
    base_version integer NOT NULL,
    state        varchar(16) NOT NULL,
    created_at   timestamp with time zone NOT NULL,
    PRIMARY KEY (subject_id, name)
);

CREATE TABLE strata_versions (
    id          bigint PRIMARY KEY,
    subject_id  bigint NOT NULL REFERENCES strata_subjects (id) ON DELETE CASCADE,
    branch      varchar(255) NOT NULL,
    version     integer NOT NULL,
    semver      varchar(32) NOT NULL,
    fingerprint varchar(64) NOT NULL,
    schema_text text NOT NULL,
    canonical   text NOT NULL,
    author      varchar(255) NOT NULL,
    message     varchar(4000),
    deleted     boolean NOT NULL,
    created_at  timestamp with time zone NOT NULL,
    UNIQUE (subject_id, branch, version)
);
CREATE INDEX strata_versions_fingerprint ON strata_versions (subject_id, fingerprint);

-- subject_id reads or derives from upstream_id.
CREATE TABLE strata_dependencies (
    subject_id  bigint NOT NULL REFERENCES strata_subjects (id) ON DELETE CASCADE,
    upstream_id bigint NOT NULL REFERENCES strata_subjects (id),
    kind        varchar(16) NOT NULL,
    PRIMARY KEY (subject_id, upstream_id)
);

CREATE TABLE strata_reports (
    id         bigint PRIMARY KEY,
    subject    varchar(255),
    level      varchar(32) NOT NULL,
    compatible boolean NOT NULL,
    body       text NOT NULL,
    created_at timestamp with time zone NOT NULL
);

-- The one row every write locks first: it serialises the chain (each event names its predecessor's hash),
-- and with it version numbering, across every server sharing the store.
CREATE TABLE strata_audit_head (
    id   integer PRIMARY KEY,
    seq  bigint NOT NULL,
    hash varchar(64) NOT NULL
);
INSERT INTO strata_audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE strata_audit (
    seq         bigint PRIMARY KEY,
    at          timestamp with time zone NOT NULL,
    actor       varchar(255) NOT NULL,
    action      varchar(64) NOT NULL,
    target      varchar(600) NOT NULL,
    before_fp   varchar(64),
    after_fp    varchar(64),
    details     text,
    prev_hash   varchar(64) NOT NULL,
    hash        varchar(64) NOT NULL
);
