CREATE TABLE categories (id int PRIMARY KEY, name text NOT NULL, parent_id int);
