CREATE TABLE products (id int PRIMARY KEY, name text NOT NULL, discontinued boolean NOT NULL DEFAULT false);
