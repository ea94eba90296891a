CREATE TABLE regions (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE stores (id int PRIMARY KEY, city text NOT NULL, opened date);
