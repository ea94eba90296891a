CREATE TABLE measurements (id bigint PRIMARY KEY, sensor text NOT NULL, taken_at timestamptz NOT NULL, value double precision NOT NULL);
