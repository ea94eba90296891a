CREATE TABLE shipments (id int PRIMARY KEY, destination text NOT NULL);
