-- NOT NULL with a default, in an index and under a check: the column comes back nullable, gets its values, then NOT NULL.
CREATE TABLE tickets (
    id bigint PRIMARY KEY,
    title text NOT NULL,
    priority int NOT NULL DEFAULT 3 CONSTRAINT priority_range CHECK (priority BETWEEN 1 AND 5),
    opened timestamp NOT NULL
);
CREATE INDEX tickets_priority_idx ON tickets (priority, opened);
COMMENT ON COLUMN tickets.priority IS '1 is urgent';
