-- Four eyes. A rollout keeps its risk, the checksum of the plan it was reviewed with and how many approvals it
-- needs; each approval names the plan it approved, and is voided (not deleted) when the plan changes before the
-- rollout starts. An environment says how many approvals each risk needs there, whether approvals there need a
-- second factor, and whether it is production although its tier is not named prod or production.
ALTER TABLE strata_rollouts ADD COLUMN risk varchar(8) DEFAULT 'LOW' NOT NULL;
ALTER TABLE strata_rollouts ADD COLUMN plan_checksum varchar(64);
ALTER TABLE strata_rollouts ADD COLUMN required_approvals integer DEFAULT 0 NOT NULL;
-- The author as a person (a key's holder, a token's subject), whom four eyes exclude whichever key they use.
ALTER TABLE strata_rollouts ADD COLUMN author varchar(255);

CREATE TABLE strata_rollout_approvals (
    id            bigint PRIMARY KEY,
    rollout_id    bigint NOT NULL REFERENCES strata_rollouts (id) ON DELETE CASCADE,
    approver      varchar(255) NOT NULL,
    approver_person varchar(255),
    comment       varchar(2000),
    approved_at   timestamp with time zone NOT NULL,
    plan_checksum varchar(64) NOT NULL,
    second_factor boolean NOT NULL,
    voided_at     timestamp with time zone
);
CREATE INDEX strata_rollout_approvals_rollout ON strata_rollout_approvals (rollout_id);

ALTER TABLE strata_environments ADD COLUMN production boolean DEFAULT false NOT NULL;
ALTER TABLE strata_environments ADD COLUMN approvals_low integer DEFAULT 0 NOT NULL;
ALTER TABLE strata_environments ADD COLUMN approvals_high integer DEFAULT 0 NOT NULL;
ALTER TABLE strata_environments ADD COLUMN second_factor boolean DEFAULT false NOT NULL;
-- Environments added before approvals existed get the defaults a new one of their tier gets.
UPDATE strata_environments SET approvals_low = 1, approvals_high = 2 WHERE LOWER(tier) IN ('prod', 'production');
