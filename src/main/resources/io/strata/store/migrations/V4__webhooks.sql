-- Outgoing webhooks: who wants which events, and every attempt to deliver one. Deliveries are a log, not
-- state: they are written without the audit head's lock, so a slow receiver never queues registrations.

CREATE SEQUENCE strata_webhook_ids START WITH 1;

CREATE TABLE strata_webhooks (
    id         bigint PRIMARY KEY,
    url        varchar(2000) NOT NULL,
    secret     varchar(500) NOT NULL,
    events     varchar(1000) NOT NULL,
    created_by varchar(255) NOT NULL,
    created_at timestamp with time zone NOT NULL
);

CREATE TABLE strata_webhook_deliveries (
    id          bigint PRIMARY KEY,
    webhook_id  bigint NOT NULL REFERENCES strata_webhooks (id) ON DELETE CASCADE,
    delivery    varchar(36) NOT NULL,
    event       varchar(64) NOT NULL,
    attempt     integer NOT NULL,
    outcome     varchar(16) NOT NULL,
    status_code integer,
    error       varchar(1000),
    at          timestamp with time zone NOT NULL,
    duration_ms bigint NOT NULL
);
CREATE INDEX strata_webhook_deliveries_hook ON strata_webhook_deliveries (webhook_id, id);
