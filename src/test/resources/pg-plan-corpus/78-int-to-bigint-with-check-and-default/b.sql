CREATE TABLE counters (id int PRIMARY KEY, hits bigint NOT NULL DEFAULT 0 CONSTRAINT counters_hits_check CHECK (hits >= 0));
CREATE INDEX counters_hits_idx ON counters (hits DESC);
