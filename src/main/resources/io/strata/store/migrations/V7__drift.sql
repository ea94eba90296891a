-- Drift: the latest check of each environment against the version its history says it is at. A check that
-- finds nothing replaces a report with an empty one, which is how drift is resolved.
CREATE TABLE strata_drift (
    environment varchar(255) PRIMARY KEY,
    subject     varchar(255),
    version     integer,
    changes     integer NOT NULL,
    report      text NOT NULL,
    checked_at  timestamp with time zone NOT NULL
);
