-- Client versions (seed 001 made enforceable): which version of a subject each running application instance
-- reads and writes in an environment, kept fresh by heartbeats; an entry silent for longer than the expiry is gone.
CREATE TABLE strata_clients (
    environment varchar(255) NOT NULL,
    subject     varchar(255) NOT NULL,
    service     varchar(255) NOT NULL,
    instance    varchar(255) NOT NULL,
    reads       integer NOT NULL,
    writes      integer NOT NULL,
    last_seen   timestamp with time zone NOT NULL,
    PRIMARY KEY (environment, subject, service, instance)
);
