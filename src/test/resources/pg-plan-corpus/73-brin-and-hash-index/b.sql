CREATE TABLE measurements (id bigint PRIMARY KEY, sensor text NOT NULL, taken_at timestamptz NOT NULL, value double precision NOT NULL);
CREATE INDEX measurements_taken_at_brin ON measurements USING brin (taken_at);
CREATE INDEX measurements_sensor_hash ON measurements USING hash (sensor);
