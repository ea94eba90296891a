-- Rollouts: one version of a subject carried to environments in waves. The rollout's state lives here; each
-- target's own strata_history stays the truth about what was applied there.
CREATE TABLE strata_rollouts (
    id                bigint PRIMARY KEY,
    subject           varchar(255) NOT NULL,
    version           integer NOT NULL,
    state             varchar(16) NOT NULL,
    waves             varchar(1000) NOT NULL,
    concurrency       integer NOT NULL,
    failure_threshold integer NOT NULL,
    created_by        varchar(255) NOT NULL,
    created_at        timestamp with time zone NOT NULL
);

CREATE TABLE strata_rollout_tasks (
    rollout_id  bigint NOT NULL REFERENCES strata_rollouts (id) ON DELETE CASCADE,
    environment varchar(255) NOT NULL,
    ordinal     integer NOT NULL,
    wave        integer NOT NULL,
    state       varchar(16) NOT NULL,
    message     text,
    started_at  timestamp with time zone,
    finished_at timestamp with time zone,
    PRIMARY KEY (rollout_id, environment)
);
