CREATE TABLE regions (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE stores (id int PRIMARY KEY, region_id int REFERENCES regions (id), city text NOT NULL, opened date);
CREATE INDEX stores_region_city_idx ON stores (region_id, city);
